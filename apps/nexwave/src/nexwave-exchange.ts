import type { DynamicModule } from '@nestjs/common';

import type { AppConfig } from '@nexwave/config';
import { PacificaSimModule } from '@nexwave/pacifica-sim';
import { exchangeEndpointsModule, type PortClaim } from '@nexwave/platform';

type PacificaConfig = AppConfig['pacifica'];

/**
 * The exchange of the all-in-one app: Pacifica when PACIFICA_NETWORK or PACIFICA_API_URL names
 * one, otherwise the simulator, started in-process on loopback. Only this app imports the
 * simulator; the split apps point at an exchange with exchangeEndpointsModule.
 */
export function nexwaveExchangeModule(pacifica: PacificaConfig): DynamicModule {
  if (!startsSimulator(pacifica)) {
    return exchangeEndpointsModule(pacifica);
  }
  return PacificaSimModule.forRoot({
    port: pacifica.simPort,
    seed: pacifica.simSeed,
    volatility: pacifica.simVolatility,
    initialBalance: pacifica.simInitialBalance,
    whaleEveryMs: pacifica.simWhaleIntervalSeconds * 1_000,
  });
}

/** The port nexwaveExchangeModule's simulator listens on, if it starts one. */
export function simulatorPorts(pacifica: PacificaConfig): PortClaim[] {
  return startsSimulator(pacifica)
    ? [{ variable: 'PACIFICA_SIM_PORT', host: '127.0.0.1', port: pacifica.simPort }]
    : [];
}

function startsSimulator(pacifica: PacificaConfig): boolean {
  return !(pacifica.apiUrl && pacifica.wsUrl);
}
