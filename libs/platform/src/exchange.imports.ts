import type { DynamicModule } from '@nestjs/common';

import type { AppConfig } from '@nexwave/config';
import { PacificaEndpointsModule } from '@nexwave/pacifica';
import { PacificaSimModule } from '@nexwave/pacifica-sim';

type PacificaConfig = AppConfig['pacifica'];

/**
 * The exchange of the all-in-one app: Pacifica when PACIFICA_NETWORK or PACIFICA_API_URL names
 * one, otherwise the simulator, started in-process on loopback.
 */
export function exchangeModule(pacifica: PacificaConfig): DynamicModule {
  if (pacifica.apiUrl && pacifica.wsUrl) {
    return exchangeEndpointsModule(pacifica);
  }
  return PacificaSimModule.forRoot({
    port: pacifica.simPort,
    seed: pacifica.simSeed,
    initialBalance: pacifica.simInitialBalance,
    whaleEveryMs: pacifica.simWhaleIntervalSeconds * 1_000,
  });
}

/**
 * The exchange of a split app: the configured Pacifica URLs, or a simulator already running
 * (`npm run sim`) on PACIFICA_SIM_PORT of this host. Split apps never start a simulator of their
 * own: two apps must see one exchange.
 */
export function exchangeEndpointsModule(pacifica: PacificaConfig): DynamicModule {
  const local = `127.0.0.1:${pacifica.simPort}`;
  return PacificaEndpointsModule.forRoot({
    restUrl: pacifica.apiUrl ?? `http://${local}/api/v1`,
    wsUrl: pacifica.wsUrl ?? `ws://${local}/ws`,
    simulated: pacifica.apiUrl === undefined,
  });
}
