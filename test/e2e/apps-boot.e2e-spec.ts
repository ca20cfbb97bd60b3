import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

import { loadConfig, type ConfigOf, type ServiceName } from '@nexwave/config';
import type { EmbeddedTimescale } from '@nexwave/database';
import { startMigratedDatabase } from '@nexwave/database/testing';
import { MessageBusPort, Topics, type Envelope, type RiskCheckV1 } from '@nexwave/messaging';
import { readGoldenFixture } from '@nexwave/messaging/testing';
import { createApp } from '@nexwave/platform';

import { ApiGatewayAppModule } from '../../apps/api-gateway/src/api-gateway-app.module';
import { MarketDataAppModule } from '../../apps/market-data/src/market-data-app.module';
import { NexwaveAppModule } from '../../apps/nexwave/src/nexwave-app.module';
import { OrderManagementAppModule } from '../../apps/order-management/src/order-management-app.module';
import { TradingEngineAppModule } from '../../apps/trading-engine/src/trading-engine-app.module';
import { WhaleTrackerAppModule } from '../../apps/whale-tracker/src/whale-tracker-app.module';
import { conventionBreaches } from '../support/metric-conventions';
import { parseMetrics, total } from '../support/metrics-scrape';

const APPS: {
  name: ServiceName;
  module: (config: never) => ReturnType<typeof NexwaveAppModule.forRoot>;
  /** Runs the risk service: answers risk.checks.v1 in process (memory transport). */
  risk: boolean;
}[] = [
  { name: 'nexwave', module: NexwaveAppModule.forRoot, risk: true },
  { name: 'api-gateway', module: ApiGatewayAppModule.forRoot, risk: false },
  { name: 'market-data', module: MarketDataAppModule.forRoot, risk: false },
  { name: 'whale-tracker', module: WhaleTrackerAppModule.forRoot, risk: false },
  { name: 'trading-engine', module: TradingEngineAppModule.forRoot, risk: true },
  { name: 'order-management', module: OrderManagementAppModule.forRoot, risk: false },
];

const riskCheck = (readGoldenFixture('risk/fixtures/risk-check.v1.json') as Envelope<RiskCheckV1>)
  .payload;

interface OpenApiDocument {
  paths: Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>>;
}

const ERROR_SCHEMA = { $ref: '#/components/schemas/ErrorResponseDto' };

/** Operations without a summary, or without an error response whose body is ErrorResponseDto. */
function undocumentedOperations(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => {
        const errors = Object.entries(operation.responses).filter(([status]) => +status >= 400);
        const allReferenceTheSchema = errors.every(([, response]) =>
          bodyIs(response, ERROR_SCHEMA),
        );
        return !operation.summary || errors.length === 0 || !allReferenceTheSchema;
      })
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

function bodyIs(response: unknown, schema: object): boolean {
  const content = (response as { content?: Record<string, { schema?: unknown }> }).content;
  return JSON.stringify(content?.['application/json']?.schema) === JSON.stringify(schema);
}

// Every deployable boots on a database server given by DATABASE_URL (one embedded TimescaleDB
// shared by the file, migrated once as in a deployment), answers /health, documents itself at
// /docs-json (every operation with a summary and the one error schema) and answers an unknown
// path 404 in the one error shape; the apps running the risk service approve a risk check over
// risk.checks.v1; each serves GET /metrics (its own registry, every sample labelled app=<name>,
// names and labels by the conventions) counting the requests it answered.
describe('every app boots', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-apps-'));
  let database: EmbeddedTimescale;

  beforeAll(async () => {
    database = await startMigratedDatabase(dataDir);
  });

  afterAll(async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(APPS)('$name', async ({ name, module, risk }) => {
    const config = loadConfig(name, {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '1',
      LOG_LEVEL: 'silent',
      PACIFICA_SIM_PORT: '0',
      TICK_SPOOL_DIR: join(dataDir, `spool-${name}`),
    });
    const app: INestApplication = await createApp(
      { name, title: name, module: module as (config: ConfigOf<ServiceName>) => never },
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
        .get('/health/live')
        .expect(200)
        .expect(({ body }) => expect(body).toMatchObject({ info: { process: { status: 'up' } } }));
      await request(server)
        .get('/health/ready')
        .expect(200)
        .expect(({ body }) =>
          expect(body).toMatchObject({
            info: { database: { status: 'up' }, streams: { status: 'up' } },
          }),
        );
      const docs = await request(server).get('/docs-json').expect(200);
      expect(docs.body).toMatchObject({ info: { title: name } });
      expect(undocumentedOperations(docs.body as OpenApiDocument)).toEqual([]);
      await request(server)
        .get('/no/such/path')
        .expect(404)
        .expect(({ body }) =>
          expect(body).toEqual({
            statusCode: 404,
            error: 'Not Found',
            code: 'NOT_FOUND',
            message: 'Cannot GET /no/such/path',
          }),
        );
      const checked = risk
        ? await app.get(MessageBusPort).request(Topics.RiskChecks, {
            ...riskCheck,
            strategyId: `boot-${name}`,
            clientOrderId: randomUUID(),
          })
        : null;
      expect(checked?.approved ?? null).toBe(risk ? true : null);
      const scraped = await request(server)
        .get('/metrics')
        .expect(200)
        .expect('content-type', /^text\/plain; version=0\.0\.4/);
      const metrics = parseMetrics(scraped.text);
      expect(total(metrics, 'nexwave_process_cpu_user_seconds_total')).toBeGreaterThan(0);
      const requests = 'nexwave_http_request_duration_seconds_count';
      expect(total(metrics, requests, { route: '/health', method: 'GET', status: '2xx' })).toBe(1);
      expect(total(metrics, requests, { route: 'unmatched', status: '4xx' })).toBe(1);
      expect(total(metrics, requests, { route: '/health/ready' })).toBe(1);
      expect(
        total(metrics, 'nexwave_db_query_duration_seconds_count', { outcome: 'ok' }),
      ).toBeGreaterThan(0);
      expect(docs.body).not.toHaveProperty(['paths', '/metrics']);
      const symbols = ('trading' in config ? config.trading.symbols : undefined) ?? [];
      expect(conventionBreaches(metrics, name, symbols)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
