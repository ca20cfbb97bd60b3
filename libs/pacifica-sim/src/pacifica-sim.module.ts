import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';

import { PACIFICA_ENDPOINTS, type PacificaEndpoints } from '@nexwave/pacifica';

import { startPacificaSim, type PacificaSim, type PacificaSimOptions } from './server/pacifica-sim';

export const PACIFICA_SIM = Symbol('PACIFICA_SIM');

class SimLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PACIFICA_SIM) private readonly sim: PacificaSim) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sim.stop();
  }
}

/** Starts the simulator on loopback and points PACIFICA_ENDPOINTS at it; stops it on shutdown. */
@Global()
@Module({})
export class PacificaSimModule {
  static forRoot(options: PacificaSimOptions): DynamicModule {
    return {
      module: PacificaSimModule,
      providers: [
        { provide: PACIFICA_SIM, useFactory: () => startPacificaSim(options) },
        {
          provide: PACIFICA_ENDPOINTS,
          useFactory: (sim: PacificaSim): PacificaEndpoints => ({
            restUrl: sim.url,
            wsUrl: sim.wsUrl,
            simulated: true,
          }),
          inject: [PACIFICA_SIM],
        },
        SimLifecycle,
      ],
      exports: [PACIFICA_SIM, PACIFICA_ENDPOINTS],
    };
  }
}
