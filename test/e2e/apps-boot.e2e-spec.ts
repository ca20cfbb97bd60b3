import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

import { loadConfig, type AppName, type ConfigOf } from '@nexwave/config';
import { startEmbeddedTimescale, type EmbeddedTimescale } from '@nexwave/database';
import { createApp } from '@nexwave/platform';

import { ApiGatewayAppModule } from '../../apps/api-gateway/src/api-gateway-app.module';
import { MarketDataAppModule } from '../../apps/market-data/src/market-data-app.module';
import { NexwaveAppModule } from '../../apps/nexwave/src/nexwave-app.module';
import { OrderManagementAppModule } from '../../apps/order-management/src/order-management-app.module';
import { TradingEngineAppModule } from '../../apps/trading-engine/src/trading-engine-app.module';
import { WhaleTrackerAppModule } from '../../apps/whale-tracker/src/whale-tracker-app.module';

const APPS: {
  name: AppName;
  module: (config: never) => ReturnType<typeof NexwaveAppModule.forRoot>;
}[] = [
  { name: 'nexwave', module: NexwaveAppModule.forRoot },
  { name: 'api-gateway', module: ApiGatewayAppModule.forRoot },
  { name: 'market-data', module: MarketDataAppModule.forRoot },
  { name: 'whale-tracker', module: WhaleTrackerAppModule.forRoot },
  { name: 'trading-engine', module: TradingEngineAppModule.forRoot },
  { name: 'order-management', module: OrderManagementAppModule.forRoot },
];

// Every deployable boots on a database server given by DATABASE_URL (one embedded TimescaleDB
// shared by the file), runs the migrations, answers /health and documents itself at /docs-json.
describe('every app boots', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-apps-'));
  let database: EmbeddedTimescale;

  beforeAll(async () => {
    database = await startEmbeddedTimescale({ dataDir, port: 0 });
  });

  afterAll(async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(APPS)('$name', async ({ name, module }) => {
    const config = loadConfig(name, {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '1',
      LOG_LEVEL: 'silent',
      PACIFICA_SIM_PORT: '0',
    });
    const app: INestApplication = await createApp(
      { name, title: name, module: module as (config: ConfigOf<AppName>) => never },
      config,
    );
    try {
      await app.startAllMicroservices();
      await app.init();
      const server = app.getHttpServer() as Server;
      await request(server)
        .get('/health')
        .expect(200)
        .expect(({ body }) => expect(body).toMatchObject({ status: 'ok' }));
      await request(server)
        .get('/docs-json')
        .expect(200)
        .expect(({ body }) => expect(body).toMatchObject({ info: { title: name } }));
    } finally {
      await app.close();
    }
  });
});
