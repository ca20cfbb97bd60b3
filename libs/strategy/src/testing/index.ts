// Fakes of the strategy context's ports and a harness for handler specs.
export { FakeRiskCheck } from './fake-risk-check';
export { FixedMarketLots } from './fixed-market-lots';
export { InMemorySignalRepository } from './in-memory-signal.repository';
export { InMemoryPerformanceRepository } from './in-memory-performance.repository';
export { InMemoryStrategyInstanceRepository } from './in-memory-strategy-instance.repository';
export { StrategyHarness, type StrategyHarnessOptions } from './strategy-harness';
export { STRATEGY_ENTITIES } from '../infrastructure/persistence/strategy.entities';
export { FakeCandleHistory } from './fake-candle-history';
