// What tests and benches use to start a simulator of their own or reach the one an app started.
export { DEFAULT_MARKETS } from '../domain/market';
export { startPacificaSim } from '../server/pacifica-sim';
export type { PacificaSim } from '../server/pacifica-sim';
export { PACIFICA_SIM } from '../pacifica-sim.module';
// The exchange model itself, for in-process runs on simulated time (the whale evaluator).
export { Exchange } from '../domain/exchange';
export type { WhaleRecord, WhaleRequest } from '../domain/exchange.types';
