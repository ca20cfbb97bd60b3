import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

import { loadConfig } from '@nexwave/config';
import { migrateDatabase, startEmbeddedTimescale, type EmbeddedTimescale } from '@nexwave/database';
import { createApp } from '@nexwave/platform';

import { NexwaveAppModule } from '../../apps/nexwave/src/nexwave-app.module';
import { parseMetrics, total, type Scrape } from '../support/metrics-scrape';
import { exposes, metricNames, monitoringExpressions } from '../support/monitoring-config';

// Every metric a Grafana dashboard or a Prometheus alert rule names exists on GET /metrics of the
// all-in-one app (which runs every context, so every split app's metrics are there too), after
// trades were ingested: a renamed or mistyped metric fails here instead of drawing an empty panel.
describe('dashboards and alert rules name only exposed metrics', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-dashboards-'));
  let database: EmbeddedTimescale;
  let app: INestApplication;
  let metrics: Scrape;

  beforeAll(async () => {
    database = await startEmbeddedTimescale({ dataDir, port: 0 });
    await migrateDatabase({
      url: database.url,
      poolSize: 1,
      embeddedDataDir: dataDir,
      embeddedPort: 0,
    });
    const config = loadConfig('nexwave', {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '1',
      LOG_LEVEL: 'silent',
      PACIFICA_SIM_PORT: '0',
      SYMBOLS: 'BTC',
      ADMIN_API_KEY: `nxk_00000000000000ab_${'D'.repeat(43)}`,
      TICK_SPOOL_DIR: join(dataDir, 'spool'),
    });
    app = await createApp(
      { name: 'nexwave', title: 'nexwave', module: NexwaveAppModule.forRoot },
      config,
    );
    await app.init();
    await app.startAllMicroservices();
    const server = app.getHttpServer() as Server;
    const deadline = Date.now() + 60_000;
    do {
      metrics = parseMetrics((await request(server).get('/metrics').expect(200)).text);
      if (total(metrics, 'nexwave_ticks_ingested_total') > 0) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    } while (Date.now() < deadline);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has traffic to scrape', () => {
    expect(total(metrics, 'nexwave_ticks_ingested_total')).toBeGreaterThan(0);
  });

  it('finds every metric of every dashboard panel and alert rule', () => {
    const expressions = monitoringExpressions();
    expect(expressions.length).toBeGreaterThan(40);
    const missing = expressions.flatMap(({ where, expr }) =>
      metricNames(expr)
        .filter((name) => !exposes(metrics, name))
        .map((name) => `${where}: ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
