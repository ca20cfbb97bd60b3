import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';

import { loadConfig } from '@nexwave/config';
import type { EmbeddedTimescale } from '@nexwave/database';
import { startMigratedDatabase } from '@nexwave/database/testing';
import { createApp } from '@nexwave/platform';

import { NexwaveAppModule } from '../../apps/nexwave/src/nexwave-app.module';

export interface AllInOneModule {
  readonly app: INestApplication;
  readonly server: Server;
  /** http://127.0.0.1:<port> it listens on. */
  readonly base: string;
  readonly database: EmbeddedTimescale;
  /** Closes the app, stops the database (if the test has not) and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * The all-in-one app module in this process, on a migrated embedded database of its own and its
 * in-process simulator, listening on a free port; `env` adds to (or overrides) its settings.
 */
export async function startAllInOneModule(env: Record<string, string>): Promise<AllInOneModule> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-all-in-one-module-'));
  let database: EmbeddedTimescale | undefined;
  let app: INestApplication | undefined;
  const stop = async () => {
    await app?.close();
    await database?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    database = await startMigratedDatabase(dataDir);
    const config = loadConfig('nexwave', {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '1',
      LOG_LEVEL: 'silent',
      PACIFICA_SIM_PORT: '0',
      TICK_SPOOL_DIR: join(dataDir, 'spool'),
      ...env,
    });
    app = await createApp(
      { name: 'nexwave', title: 'nexwave', module: NexwaveAppModule.forRoot },
      config,
    );
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await stop();
    throw error;
  }
  const server = app.getHttpServer() as Server;
  const { port } = server.address() as AddressInfo;
  return { app, server, base: `http://127.0.0.1:${port}`, database, stop };
}
