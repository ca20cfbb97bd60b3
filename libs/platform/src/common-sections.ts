import type { ConfigOf } from '@nexwave/config';

/** Every app validates the app and database concerns (see APP_CONCERNS). */
export function commonSections(config: object): ConfigOf<'api-gateway'> {
  return config as ConfigOf<'api-gateway'>;
}
