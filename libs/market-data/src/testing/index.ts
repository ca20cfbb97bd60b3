// Internals of the market-data context that benches and tests drive directly.
export { MarketDataMetrics } from '../application/market-data.metrics';
export { TickWriter } from '../application/ingestion/tick-writer';
export { normaliseTrade } from '../domain/tick';
export type { RawTrade, Tick } from '../domain/tick';
export { CandleRefresher } from '../infrastructure/persistence/candle-refresher';
export { TypeOrmCandleReadModel } from '../infrastructure/persistence/candles.read-model';
export {
  COPY_TICKS_STAGING,
  CREATE_TICKS_STAGING,
  INSERT_TICKS_FROM_STAGING,
  SELECT_CANDLES,
} from '../infrastructure/persistence/market-data.sql';
export { copyText, TypeOrmTickStore } from '../infrastructure/persistence/typeorm-tick.store';
export type { TickWriteMode } from '../infrastructure/persistence/typeorm-tick.store';
export { FileTickSpool } from '../infrastructure/spool/file-tick.spool';
export { InMemoryCommandBus } from './in-memory-command-bus';
export { InMemoryCandleAggregates } from './in-memory-candle-aggregates';
export { ingestionCommandBus } from './ingestion-command-bus';
export { TradesStoredEvent } from '../application/events/trades-stored.event';
export { InMemoryTickStore } from './in-memory-tick.store';
export { MARKET_DATA_ENTITIES } from '../infrastructure/persistence/market-data.entities';
export { StoreTradesCommand } from '../application/commands/store-trades.command';
export { StoreTradesHandler } from '../application/commands/store-trades.handler';
export { InMemoryClosedCandles } from './in-memory-closed-candles';
export { BookRecorder } from '../application/ingestion/book-recorder';
export { TypeOrmBookSnapshotStore } from '../infrastructure/persistence/typeorm-book-snapshot.store';
