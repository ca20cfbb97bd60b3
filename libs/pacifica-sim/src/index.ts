// The simulator's public surface: the module apps/nexwave starts it with. Tests and benches that
// start or drive one directly: @nexwave/pacifica-sim/testing.
export type { PacificaSimOptions } from './server/pacifica-sim';
export type { FaultMode, FaultRule } from './server/fault-injector';
export { PacificaSimModule } from './pacifica-sim.module';
