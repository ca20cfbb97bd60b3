import { Logger, type OnApplicationBootstrap } from '@nestjs/common';

import type { ApiKeys } from './api-keys.service';

export interface AdminKeySeederOptions {
  /** ADMIN_API_KEY: stored as an admin key at every start (idempotent). */
  adminApiKey?: string;
  /**
   * The all-in-one app: without ADMIN_API_KEY, create an admin key when none was ever created and
   * print it once to stdout, with the URL for its usage line.
   */
  firstAdminKey?: { baseUrl: string };
}

/** Makes sure an operator holds an admin key once the app is up. */
export class AdminKeySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly keys: ApiKeys,
    private readonly options: AdminKeySeederOptions,
    private readonly print: (text: string) => void,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.adminApiKey !== undefined) {
      await this.keys.seedAdmin(this.options.adminApiKey);
      return;
    }
    if (this.options.firstAdminKey === undefined) {
      return;
    }
    const issued = await this.keys.createFirstAdmin();
    if (issued) {
      // Written past the logger on purpose: the key is shown this once and is in no log line.
      this.print(firstAdminKeyNotice(issued.key, this.options.firstAdminKey.baseUrl));
      this.logger.log(
        `created the first admin API key ${issued.stored.id} (printed once on stdout)`,
      );
    }
  }
}

export function firstAdminKeyNotice(key: string, baseUrl: string): string {
  return [
    '',
    '==================================================================================',
    ' First start: an admin API key was created. It is shown this once (only its hash is kept):',
    '',
    `   ${key}`,
    '',
    ' Send it as a bearer token, for example to list the API keys:',
    `   curl -H 'Authorization: Bearer ${key}' ${baseUrl}/api/v1/admin/api-keys`,
    ' Create narrower keys with POST /api/v1/admin/api-keys {"name": "...", "role": "read|trade|admin"}',
    ' or trade a key for a short-lived JWT with POST /api/v1/auth/token {"apiKey": "..."}.',
    '==================================================================================',
    '',
  ].join('\n');
}
