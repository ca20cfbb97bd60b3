import type { DynamicModule } from '@nestjs/common';

import type { AppConfig } from '@nexwave/config';
import { PacificaEndpointsModule } from '@nexwave/pacifica';
import { PacificaSimModule } from '@nexwave/pacifica-sim';

import type { PortClaim } from './listen-ports';

type PacificaConfig = AppConfig['pacifica'];

/**
 * The exchange of the all-in-one app: Pacifica when PACIFICA_NETWORK or PACIFICA_API_URL names
 * one, otherwise the simulator, started in-process on loopback.
 */
export function exchangeModule(pacifica: PacificaConfig): DynamicModule {
  if (!startsSimulator(pacifica)) {
    return exchangeEndpointsModule(pacifica);
  }
  return PacificaSimModule.forRoot({
    port: pacifica.simPort,
    seed: pacifica.simSeed,
    initialBalance: pacifica.simInitialBalance,
    whaleEveryMs: pacifica.simWhaleIntervalSeconds * 1_000,
  });
}

/** The port exchangeModule's simulator listens on, if it starts one. */
export function simulatorPorts(pacifica: PacificaConfig): PortClaim[] {
  return startsSimulator(pacifica)
    ? [{ variable: 'PACIFICA_SIM_PORT', host: '127.0.0.1', port: pacifica.simPort }]
    : [];
}

function startsSimulator(pacifica: PacificaConfig): boolean {
  return !(pacifica.apiUrl && pacifica.wsUrl);
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
