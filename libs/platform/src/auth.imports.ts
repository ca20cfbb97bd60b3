import type { DynamicModule } from '@nestjs/common';

import { AuthModule } from '@nexwave/auth';
import type { AppConfig } from '@nexwave/config';

export interface AuthImportOptions {
  /** The all-in-one app: create and print a first admin key when none exists and ADMIN_API_KEY is unset. */
  createFirstAdminKey?: boolean;
}

/** Bearer authentication of an app serving the API, from its auth and app config. */
export function authModule(
  config: Pick<AppConfig, 'auth' | 'app'>,
  options: AuthImportOptions = {},
): DynamicModule {
  const { auth, app } = config;
  const host = app.host === '0.0.0.0' || app.host === '::' ? '127.0.0.1' : app.host;
  return AuthModule.forRoot({
    required: auth.required,
    adminApiKey: auth.adminApiKey,
    jwtSecret: auth.jwtSecret,
    jwtTtlSeconds: auth.jwtTtlSeconds,
    firstAdminKey: options.createFirstAdminKey
      ? { baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${app.port}` }
      : undefined,
  });
}
