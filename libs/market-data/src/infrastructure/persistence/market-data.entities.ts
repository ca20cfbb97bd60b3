import { MarketDataGapEntity } from './market-data-gap.entity';
import { TickDeadLetterEntity } from './tick-dead-letter.entity';

/** The relational tables of market data; ticks and candles stay raw SQL (market-data.sql.ts). */
export const MARKET_DATA_ENTITIES = [MarketDataGapEntity, TickDeadLetterEntity];
