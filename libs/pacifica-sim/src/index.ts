export * from './domain/exchange';
export * from './domain/exchange.types';
export * from './domain/market';
export * from './domain/sim.errors';
export type { FaultMode, FaultRule } from './server/fault-injector';
export * from './server/pacifica-sim';
export * from './pacifica-sim.module';
