import type { DynamicModule } from '@nestjs/common';

import type { AppConfig } from '@nexwave/config';
import { PacificaEndpointsModule } from '@nexwave/pacifica';

/**
 * The exchange of a split app: the configured Pacifica URLs, or a simulator already running
 * (`npm run sim`) on PACIFICA_SIM_PORT of this host. Split apps never start a simulator of their
 * own: two apps must see one exchange.
 */
export function exchangeEndpointsModule(pacifica: AppConfig['pacifica']): DynamicModule {
  const local = `127.0.0.1:${pacifica.simPort}`;
  return PacificaEndpointsModule.forRoot({
    restUrl: pacifica.apiUrl ?? `http://${local}/api/v1`,
    wsUrl: pacifica.wsUrl ?? `ws://${local}/ws`,
    simulated: pacifica.apiUrl === undefined,
  });
}
