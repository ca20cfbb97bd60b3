import { Query } from '@nestjs/cqrs';

import type { LatestPrice } from './candle-read-model.port';

/** The price of the newest trade of every symbol, sorted by symbol. */
export class GetLatestPricesQuery extends Query<LatestPrice[]> {}
