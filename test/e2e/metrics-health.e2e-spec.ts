import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';

import type { EmbeddedTimescale } from '@nexwave/database';

import { startAllInOneModule, type AllInOneModule } from '../support/all-in-one-module';
import { conventionBreaches } from '../support/metric-conventions';
import { parseMetrics, total, type Scrape } from '../support/metrics-scrape';

const ADMIN_API_KEY = `nxk_00000000000000ab_${'C'.repeat(43)}`;
const SYMBOLS = ['BTC', 'ETH'];

// The all-in-one app on its simulator: after real traffic (ingested trades, a paper order, HTTP
// calls) GET /metrics shows the counters moved by what happened, by the naming conventions; with
// the database stopped /health/ready answers 503 naming it while /health/live and /metrics answer.
describe('metrics and health of the all-in-one app', () => {
  let allInOne: AllInOneModule | undefined;
  let database: EmbeddedTimescale;
  let app: INestApplication;
  let server: Server;

  const scrape = async (): Promise<Scrape> =>
    parseMetrics((await request(server).get('/metrics').expect(200)).text);

  async function until<T>(what: string, find: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const found = await find();
      if (found !== undefined) {
        return found;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  beforeAll(async () => {
    allInOne = await startAllInOneModule({
      SIM_WHALE_INTERVAL_SECONDS: '0',
      SYMBOLS: SYMBOLS.join(','),
      ADMIN_API_KEY,
    });
    ({ app, server, database } = allInOne);
  }, 120_000);

  afterAll(() => allInOne?.stop());

  it('counts every trade stored, the order placed and filled, and each HTTP call by route', async () => {
    const stored = (metrics: Scrape) => total(metrics, 'nexwave_ticks_ingested_total');
    await until('trades stored', async () => (stored(await scrape()) > 0 ? true : undefined));
    const before = await scrape();
    const [{ count }] = await app
      .get(DataSource)
      .query<{ count: number }[]>('SELECT count(*)::int AS count FROM ticks');
    const after = await scrape();
    expect(stored(before)).toBeLessThanOrEqual(count);
    expect(count).toBeLessThanOrEqual(stored(after));
    for (const symbol of SYMBOLS) {
      const lagged = total(after, 'nexwave_tick_feed_lag_seconds_count', { symbol });
      expect(lagged).toBeGreaterThan(0);
      expect(lagged).toBeLessThanOrEqual(total(after, 'nexwave_ticks_received_total', { symbol }));
    }
    expect(total(after, 'nexwave_order_book_age_seconds', { symbol: 'BTC' })).toBeLessThan(30);

    const live = { route: '/health/live', method: 'GET', status: '2xx' };
    const requests = 'nexwave_http_request_duration_seconds_count';
    await request(server).get('/health/live').expect(200);
    expect(total(await scrape(), requests, live)).toBe(total(after, requests, live) + 1);

    const clientOrderId = randomUUID();
    await until('an order accepted', async () => {
      const placed = await request(server)
        .post('/api/v1/orders')
        .set('authorization', `Bearer ${ADMIN_API_KEY}`)
        .send({ clientOrderId, symbol: 'BTC', side: 'bid', orderType: 'market', amount: '0.001' });
      return placed.status === 201 ? true : undefined;
    });
    const filled = await until('the fill counted', async () => {
      const metrics = await scrape();
      return total(metrics, 'nexwave_order_events_total', { type: 'filled' }) > 0
        ? metrics
        : undefined;
    });
    expect(total(filled, 'nexwave_order_events_total', { type: 'filled' })).toBe(1);
    expect(total(filled, 'nexwave_order_events_total', { type: 'accepted' })).toBe(1);
    expect(
      total(filled, 'nexwave_order_submission_duration_seconds_count', { outcome: 'accepted' }),
    ).toBe(1);
    expect(total(filled, 'nexwave_circuit_breaker_state', { state: 'closed' })).toBe(1);
    expect(total(filled, 'nexwave_outbox_backlog_messages')).toBeGreaterThanOrEqual(0);
    expect(total(filled, 'nexwave_db_query_duration_seconds_count')).toBeGreaterThan(0);
    for (const symbol of SYMBOLS) {
      // The paper exchange reads each order-book stream: its group's backlog is gauged at scrape.
      const read = filled.samples.filter(
        (sample) =>
          sample.name === 'nexwave_stream_consumer_pending_entries' &&
          sample.labels['stream'] === 'orderbook' &&
          sample.labels['symbol'] === symbol &&
          sample.labels['group'] === 'paper-exchange',
      );
      expect(read.length).toBeGreaterThan(0);
      expect(total(filled, 'nexwave_stream_dead_letter_entries', { symbol })).toBe(0);
    }
    expect(conventionBreaches(filled, 'nexwave', SYMBOLS)).toEqual([]);
  });

  it('answers /health/ready 503 naming the database once it stops; live and /metrics still answer', async () => {
    await request(server).get('/health/ready').expect(200);

    await database.stop();

    const ready = await request(server).get('/health/ready').expect(503);
    expect(ready.body).toMatchObject({
      code: 'UNHEALTHY',
      message: expect.stringContaining('database') as string,
      details: { database: 'down', streams: 'up' },
    });
    await request(server).get('/health').expect(503);
    await request(server).get('/health/live').expect(200);
    await request(server).get('/metrics').expect(200);
  });
});
