import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { CandleReadModelPort, type LatestPrice } from './candle-read-model.port';
import { GetLatestPricesQuery } from './get-latest-prices.query';

@QueryHandler(GetLatestPricesQuery)
export class GetLatestPricesHandler implements IQueryHandler<GetLatestPricesQuery, LatestPrice[]> {
  constructor(private readonly readModel: CandleReadModelPort) {}

  execute(): Promise<LatestPrice[]> {
    return this.readModel.latestPrices();
  }
}
