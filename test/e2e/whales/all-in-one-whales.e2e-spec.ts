import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';

import { loadConfig } from '@nexwave/config';
import type { Clock } from '@nexwave/core';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import { connectMessaging } from '@nexwave/messaging';
import { InMemoryBroker, MessageRecorder } from '@nexwave/messaging/testing';
import { PACIFICA_SIM, type PacificaSim } from '@nexwave/pacifica-sim/testing';
import type { WhaleActivityView } from '@nexwave/whales';
import { ImpactMeasurer, WhalesClockPort } from '@nexwave/whales/testing';

import { NexwaveAppModule } from '../../../apps/nexwave/src/nexwave-app.module';
import { FakeAlertEndpoint } from '../../support/fake-alert-endpoints';

/** The system clock, moved forward by the test to reach the impact horizons. */
class MovableClock implements Clock {
  offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

const TOKEN = '777:E2E-telegram-token';

// The "done when": with the simulator injecting a whale and a ladder, the all-in-one app
// stores each once, sends one Telegram and one Discord request each to local fakes, and reports
// their 15-minute impact.
describe('all-in-one app: whales from the simulator to alerts and impact', () => {
  let database: TestDatabase;
  let telegram: FakeAlertEndpoint;
  let discord: FakeAlertEndpoint;
  let app: INestApplication;
  let detected: MessageRecorder;
  const clock = new MovableClock();

  beforeAll(async () => {
    database = await startTestDatabase();
    telegram = await FakeAlertEndpoint.start();
    discord = await FakeAlertEndpoint.start();
    const config = loadConfig('nexwave', {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '1',
      LOG_LEVEL: 'silent',
      PACIFICA_SIM_PORT: '0',
      SIM_WHALE_INTERVAL_SECONDS: '0',
      TICK_SPOOL_DIR: join(tmpdir(), `nexwave-whales-spool-${process.pid}`),
      WHALE_DETECTION_INTERVAL: '0.5',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_CHAT_ID: '-1001',
      TELEGRAM_API_URL: telegram.url,
      DISCORD_WEBHOOK: `${discord.url}/api/webhooks/9/e2e-secret`,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [NexwaveAppModule.forRoot(config)],
    })
      .overrideProvider(WhalesClockPort)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    connectMessaging(app);
    detected = new MessageRecorder(app.get(InMemoryBroker), 'whales.detected.v1');
    await app.startAllMicroservices();
    await app.init();
  });

  afterAll(async () => {
    detected?.close();
    await app?.close();
    await telegram?.stop();
    await discord?.stop();
    await database?.stop();
  });

  it('stores an injected whale and ladder once each, alerts each once per channel and reports their 15-minute impact', async () => {
    const sim = app.get<PacificaSim>(PACIFICA_SIM);
    sim.injectWhale({ symbol: 'BTC', side: 'bid', kind: 'single', durationMs: 10_000 });
    // Issue 16's ladder, on the default market: the walk and the random flow trade into the
    // injected orders and move them in and out of the ten levels shown, still one activity each.
    sim.injectWhale({
      symbol: 'ETH',
      side: 'ask',
      kind: 'ladder',
      levels: 4,
      notionalUsd: 300_000,
      durationMs: 10_000,
    });

    await Promise.all([telegram.waitFor(2), discord.waitFor(2), detected.waitFor(2)]);
    // Until both have left the book: a second activity for either would be recorded by then.
    const deadline = Date.now() + 60_000;
    while (!sim.whales().every((whale) => whale.endedAt !== null) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(sim.whales().map((whale) => whale.endedAt !== null)).toEqual([true, true]);
    const server = app.getHttpServer() as Server;
    const list = async () =>
      (await request(server).get('/api/v1/whales').expect(200)).body as {
        activities: WhaleActivityView[];
      };
    const { activities } = await list();
    expect(activities.map((a) => [a.symbol, a.side, a.kind]).sort()).toEqual([
      ['BTC', 'bid', 'single'],
      ['ETH', 'ask', 'ladder'],
    ]);
    expect(detected.messages.map((m) => m.key).sort()).toEqual(['BTC', 'ETH']);

    // 16 minutes later (the whales have left the books by then).
    clock.offsetMs = 16 * 60_000;
    await app.get(ImpactMeasurer).runOnce(clock.now());
    const after = await list();
    expect(after.activities).toHaveLength(2);
    for (const activity of after.activities) {
      expect(typeof activity.impact15mBps).toBe('number');
      expect(typeof activity.impact1mBps).toBe('number');
      expect(activity.impact60mBps).toBeNull();
    }
    const impact = await request(server).get('/api/v1/whales/impact').expect(200);
    expect((impact.body as { averages: { measured15m: number }[] }).averages).toEqual([
      expect.objectContaining({ symbol: 'BTC', kind: 'single', activities: 1, measured15m: 1 }),
      expect.objectContaining({ symbol: 'ETH', kind: 'ladder', activities: 1, measured15m: 1 }),
    ]);

    expect(telegram.requests).toHaveLength(2);
    expect(discord.requests).toHaveLength(2);
    expect(telegram.requests.every((r) => r.path === `/bot${TOKEN}/sendMessage`)).toBe(true);
    const texts = telegram.requests.map((r) => (r.body as { text: string }).text).join('\n');
    expect(texts).toContain('Whale order on BTC');
    expect(texts).toContain('Whale ladder on ETH');
    expect(detected.messages).toHaveLength(2);
  });
});
