import { DataSource } from 'typeorm';

import { until } from '@nexwave/core/testing';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import {
  deadLetterStream,
  orderBookStream,
  tradesStream,
  type StreamEntry,
} from '@nexwave/messaging';
import { type MemoryStreamAdapter } from '@nexwave/messaging/testing';

import { FakeAlertEndpoint } from '../../../test/support/fake-alert-endpoints';
import type { OrderBookSnapshot } from '../src/domain/order-book';
import { level } from '../src/domain/testing/books';
import { WHALES_ENTITIES } from '../src/infrastructure/persistence/whales.entities';
import {
  at,
  buildTracker,
  DISCORD_PATH,
  newStreams,
  publishTrade,
  streamEntry,
  T0,
  TELEGRAM_TOKEN,
  untilImpactScheduled,
  whaleBook,
  type Tracker,
} from './whale-tracker-support';

let database: TestDatabase;
let dataSource: DataSource;
let streams: MemoryStreamAdapter;
let telegram: FakeAlertEndpoint;
let discord: FakeAlertEndpoint;
const trackers: Tracker[] = [];

beforeAll(async () => {
  database = await startTestDatabase();
});

beforeEach(async () => {
  dataSource = await database.freshDataSource({ entities: WHALES_ENTITIES });
  streams = newStreams();
  telegram = await FakeAlertEndpoint.start();
  discord = await FakeAlertEndpoint.start();
});

afterEach(async () => {
  await Promise.all(trackers.splice(0).map((tracker) => tracker.close()));
  await streams.close();
  await telegram.stop();
  await discord.stop();
});

afterAll(async () => {
  await database?.stop();
});

async function tracker(withSaga = false): Promise<Tracker> {
  const built = await buildTracker(dataSource, streams, {
    telegramUrl: telegram.url,
    discordUrl: discord.url,
    withSaga,
  });
  trackers.push(built);
  return built;
}

/** Starts reading BTC's stream; resolves each returned promise as the n-th book arrives. */
async function readBooks(built: Tracker, symbols = ['BTC']): Promise<(n: number) => Promise<void>> {
  let seen = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  await built.reader.start(symbols, (book) => {
    built.detection.offer(book);
    seen += 1;
    waiters.filter((w) => seen >= w.n).forEach((w) => w.resolve());
  });
  return (n) =>
    seen >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }));
}

async function count(sql: string): Promise<number> {
  const [row] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`);
  return row.n;
}

async function detect(built: Tracker, snapshot: OrderBookSnapshot): Promise<void> {
  built.detection.offer(snapshot);
  await built.detection.runOnce(snapshot.time);
}

describe('whale tracker on the embedded TimescaleDB', () => {
  it('stores a whale seen in three snapshots once, with one message and one alert per channel', async () => {
    const built = await tracker();
    const booksRead = await readBooks(built);
    for (let i = 0; i < 3; i++) {
      await streams.append(orderBookStream('BTC'), streamEntry(whaleBook(at(i * 1_000))));
      await booksRead(i + 1);
      await built.detection.runOnce(at(i * 1_000));
    }

    const rows = await dataSource.query<
      {
        side: string;
        kind: string;
        notional_usd: string;
        first_seen_at: Date;
        last_seen_at: Date;
      }[]
    >(
      `SELECT side, kind, notional_usd::text, first_seen_at, last_seen_at FROM whale_activities ORDER BY side`,
    );
    expect(rows).toEqual([
      {
        side: 'ask',
        kind: 'ladder',
        notional_usd: '800440',
        first_seen_at: T0,
        last_seen_at: at(2_000),
      },
      {
        side: 'bid',
        kind: 'single',
        notional_usd: '999700',
        first_seen_at: T0,
        last_seen_at: at(2_000),
      },
    ]);
    const messages = await dataSource.query<{ topic: string; key: string }[]>(
      `SELECT topic, key FROM outbox_messages`,
    );
    expect(messages).toEqual([
      { topic: 'whales.detected.v1', key: 'BTC' },
      { topic: 'whales.detected.v1', key: 'BTC' },
    ]);
    expect(await streams.pending(orderBookStream('BTC'), 'whale-tracker')).toBe(0);

    // Telegram allows one message a second: the second alert waits for the next second.
    expect(await built.alerts.runOnce(at(2_000))).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect(await built.alerts.runOnce(at(2_500))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await built.alerts.runOnce(at(3_000))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await built.alerts.runOnce(at(60_000))).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect(telegram.requests).toHaveLength(2);
    expect(telegram.requests[0]).toMatchObject({
      method: 'POST',
      path: `/bot${TELEGRAM_TOKEN}/sendMessage`,
      body: { chat_id: '42', parse_mode: 'HTML', disable_web_page_preview: true },
    });
    const texts = telegram.requests.map((r) => (r.body as { text: string }).text);
    expect(
      texts.some((text) => text.includes('Whale order on BTC') && text.includes('$999,700.00')),
    ).toBe(true);
    expect(
      texts.some(
        (text) => text.includes('Whale ladder on BTC') && text.includes('ladder of 4 levels'),
      ),
    ).toBe(true);
    expect(discord.requests).toHaveLength(2);
    expect(discord.requests.map((r) => r.path)).toEqual([DISCORD_PATH, DISCORD_PATH]);
    expect(discord.requests[0].body).toMatchObject({
      embeds: [expect.objectContaining({ fields: expect.any(Array) as unknown })],
      allowed_mentions: { parse: [] },
    });
    expect(await count(`whale_alerts WHERE status = 'sent'`)).toBe(4);
  });

  it('detects with the configured WHALE_THRESHOLD_USD: a ladder between the default and it is no whale (fails if the configured threshold is not passed to the rules)', async () => {
    const built = await buildTracker(dataSource, streams, { thresholdUsd: 900_000 });
    trackers.push(built);
    await detect(built, whaleBook(T0));
    const rows = await dataSource.query<{ side: string; notional_usd: string }[]>(
      `SELECT side, notional_usd::text FROM whale_activities`,
    );
    // The ask ladder (800,440) is over 25,000 but under 900,000; the bid single (999,700) is over.
    expect(rows).toEqual([{ side: 'bid', notional_usd: '999700' }]);
  });

  it('follows a whale for minutes as one activity, with one update alert per channel when its size changes materially', async () => {
    const built = await tracker();
    const grown = (time: Date) => {
      const snapshot = whaleBook(time);
      const bids = [...snapshot.bids];
      bids[2] = level(99_970, 25, 1);
      return { ...snapshot, bids };
    };
    const withoutRung = (time: Date) => {
      const snapshot = whaleBook(time);
      return { ...snapshot, asks: snapshot.asks.filter((l) => l.price !== '100050') };
    };
    await detect(built, whaleBook(T0));
    for (let second = 14; second < 300; second += 14) {
      await detect(
        built,
        second % 28 === 0 ? withoutRung(at(second * 1_000)) : whaleBook(at(second * 1_000)),
      );
    }
    expect(await count(`whale_alerts`)).toBe(4);
    await detect(built, grown(at(301_000))); // 2.5x the bid whale, 5 minutes after its alert
    await detect(built, grown(at(310_000)));

    expect(await count(`whale_activities`)).toBe(2);
    const updates = await dataSource.query<{ channel: string; payload: { text?: string } }[]>(
      `SELECT channel, payload FROM whale_alerts WHERE revision = 1 ORDER BY channel`,
    );
    expect(updates.map((u) => u.channel)).toEqual(['discord', 'telegram']);
    expect(updates[1].payload.text).toContain('Whale order on BTC: bid (buy wall) changed size');
    expect(updates[1].payload.text).toContain('$2,499,250.00 (at detection $999,700.00)');
    expect(await count(`whale_alerts`)).toBe(6);
  });

  it('waits for the Retry-After of a 429, then sends the alert once', async () => {
    const built = await tracker();
    telegram.answerNext({
      status: 429,
      headers: { 'retry-after': '3' },
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 3',
        parameters: { retry_after: 3 },
      },
    });
    const single = whaleBook(T0);
    await detect(built, { ...single, asks: single.asks.slice(0, 3) });

    expect(await built.alerts.runOnce(T0)).toEqual({ sent: 1, retried: 1, failed: 0 });
    expect(await built.alerts.runOnce(at(2_999))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await built.alerts.runOnce(at(3_000))).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(telegram.requests).toHaveLength(2);
    expect(telegram.delivered).toHaveLength(1);
    expect(discord.requests).toHaveLength(1);
    const [alert] = await dataSource.query<
      { status: string; attempts: number; last_error: string | null }[]
    >(`SELECT status, attempts, last_error FROM whale_alerts WHERE channel = 'telegram'`);
    expect(alert).toEqual({ status: 'sent', attempts: 2, last_error: null });
  });

  it('keeps detecting and alerting on Discord while Telegram is down, and gives Telegram up after its attempts', async () => {
    const built = await tracker();
    telegram.setDown(true);
    await detect(built, whaleBook(T0));
    await built.alerts.runOnce(T0);
    await detect(built, whaleBook(at(1_000), 'ETH'));
    // One Telegram try per round (its rate limit), 4 alerts x 8 attempts.
    let now = at(1_000);
    for (let round = 0; round < 40; round++) {
      await built.alerts.runOnce(now);
      now = new Date(now.getTime() + 5 * 60_000);
    }

    expect(await count('whale_activities')).toBe(4);
    expect(discord.delivered).toHaveLength(4);
    expect(telegram.delivered).toHaveLength(0);
    const telegramAlerts = await dataSource.query<
      { status: string; attempts: number; last_error: string }[]
    >(`SELECT status, attempts, last_error FROM whale_alerts WHERE channel = 'telegram'`);
    expect(telegramAlerts).toHaveLength(4);
    for (const alert of telegramAlerts) {
      expect(alert).toMatchObject({ status: 'failed', attempts: 8 });
      expect(alert.last_error).toMatch(/^HTTP 503: Service Unavailable/);
      expect(alert.last_error).not.toContain(TELEGRAM_TOKEN);
    }
    expect(built.alerts.failed).toBe(4);
  });

  it('sends the alerts left pending by a stopped process once, and does not re-alert the same whale after a restart', async () => {
    const first = await tracker();
    await detect(first, whaleBook(T0));
    await first.close();
    trackers.splice(trackers.indexOf(first), 1);
    expect(telegram.requests).toHaveLength(0);

    const second = await tracker();
    await detect(second, whaleBook(at(20_000)));
    for (const seconds of [20, 21, 22, 23]) {
      await second.alerts.runOnce(at(seconds * 1_000));
    }

    expect(await count('whale_activities')).toBe(2);
    expect(await count('outbox_messages')).toBe(2);
    expect(telegram.requests).toHaveLength(2);
    expect(discord.requests).toHaveLength(2);
    const lastSeen = await dataSource.query<{ last_seen_at: Date }[]>(
      `SELECT DISTINCT last_seen_at FROM whale_activities`,
    );
    expect(lastSeen).toEqual([{ last_seen_at: at(20_000) }]);
  });

  it('measures after a restart the impact the saga scheduled before it', async () => {
    const first = await tracker();
    await detect(first, whaleBook(T0));
    await untilImpactScheduled(dataSource, 2);
    await first.close();
    trackers.splice(trackers.indexOf(first), 1);
    await dataSource.query(
      `INSERT INTO whale_trade_prices (symbol, second, time, price)
       VALUES ('BTC', $1, $1, '100000'), ('BTC', $2, $2, '100100')`,
      [at(-1_000), at(30_000)],
    );

    const second = await tracker();
    expect(await second.impact.runOnce(at(60_000 + 4_999))).toMatchObject({ activities: 0 });
    expect(await second.impact.runOnce(at(60_000 + 5_000))).toEqual({
      activities: 2,
      measured: 2,
      missed: 0,
    });
    const due = await dataSource.query<{ impact_due_at: Date }[]>(
      `SELECT DISTINCT impact_due_at FROM whale_activities`,
    );
    expect(due).toEqual([{ impact_due_at: at(5 * 60_000) }]);
  });

  it('measures an activity whose schedule was lost in a crash after its transaction, 2 min after detection', async () => {
    const built = await tracker();
    await detect(built, whaleBook(T0));
    await untilImpactScheduled(dataSource, 2);
    await dataSource.query(`UPDATE whale_activities SET impact_due_at = NULL`);
    await dataSource.query(
      `INSERT INTO whale_trade_prices (symbol, second, time, price)
       VALUES ('BTC', $1, $1, '100000'), ('BTC', $2, $2, '100100')`,
      [at(-1_000), at(30_000)],
    );

    expect(await built.impact.runOnce(at(2 * 60_000 + 4_999))).toMatchObject({ activities: 0 });
    expect(await built.impact.runOnce(at(2 * 60_000 + 5_000))).toEqual({
      activities: 2,
      measured: 2,
      missed: 0,
    });
  });

  it('sends the alerts of a recorded whale at once through the saga, without the alert loop', async () => {
    const built = await tracker(true);
    const single = whaleBook(T0);
    await detect(built, { ...single, asks: single.asks.slice(0, 3) });

    await until(
      () => telegram.delivered.length === 1 && discord.delivered.length === 1,
      'one Telegram and one Discord message',
    );
    await until(
      async () => (await count(`whale_alerts WHERE status = 'sent'`)) === 2,
      'both alerts stored as sent',
    );
    expect(telegram.requests).toHaveLength(1);
    expect(discord.requests).toHaveLength(1);
  });

  it('moves a malformed order-book entry to the dead letters with the reason, and reads on', async () => {
    const built = await tracker();
    const booksRead = await readBooks(built);
    await streams.append(orderBookStream('BTC'), { ...streamEntry(whaleBook(T0)), asks: 'none' });
    await streams.append(orderBookStream('BTC'), streamEntry(whaleBook(at(1_000))));
    await booksRead(1);

    const [dead] = await deadLetters(orderBookStream('BTC'), 1);
    expect(dead.fields['dlq_reason']).toMatch(/^asks: /);
    expect(JSON.parse(dead.fields['data'])).toMatchObject({ symbol: 'BTC', asks: 'none' });
    await built.detection.runOnce(at(1_000));
    expect(await count('whale_activities')).toBe(2);
    await until(
      async () => (await streams.pending(orderBookStream('BTC'), 'whale-tracker')) === 0,
      'the book stream fully acknowledged',
    );
  });

  it('records the last trade of each second from the trades streams, and dead-letters a malformed trade', async () => {
    const built = await tracker();
    await built.trades.start(['BTC']);
    await publishTrade(streams, 'BTC', at(100), '100000');
    await publishTrade(streams, 'BTC', at(900), '100010');
    await publishTrade(streams, 'BTC', at(500), '99990');
    await streams.append(tradesStream('BTC'), { symbol: 'BTC', price: '1' });
    await publishTrade(streams, 'BTC', at(1_200), '100020');

    const [dead] = await deadLetters(tradesStream('BTC'), 1);
    expect(dead.fields['dlq_reason']).toMatch(/tradeId: /);
    await until(async () => (await count('whale_trade_prices')) === 2, 'both trade prices stored');
    expect(
      await dataSource.query(`SELECT time, price::text FROM whale_trade_prices ORDER BY time`),
    ).toEqual([
      { time: at(900), price: '100010' },
      { time: at(1_200), price: '100020' },
    ]);
  });
});

/** The first `n` entries of a stream's dead letters. */
async function deadLetters(stream: string, n: number): Promise<StreamEntry[]> {
  const entries: StreamEntry[] = [];
  const consumer = await streams.consume({
    streams: [deadLetterStream(stream)],
    group: 'test-dead-letters',
    consumer: 'test',
    handler: (entry) => {
      entries.push(entry);
      return Promise.resolve();
    },
  });
  await until(() => entries.length >= n, 'the stream entries read');
  await consumer.stop();
  return entries;
}
