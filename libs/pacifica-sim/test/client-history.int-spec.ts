import { Decimal } from '@nexwave/core';
import { KLINE_MAX_LIMIT, PacificaRestClient, type Candle } from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

const MINUTE = 60_000;
// Long before either simulator started: served from the seeded history.
const FROM = Date.UTC(2025, 5, 1);

const client = (sim: PacificaSim) =>
  new PacificaRestClient({ baseUrl: sim.url, retry: { baseDelayMs: 5, maxDelayMs: 20 } });

/** The real PacificaRestClient reading the simulator's history (`/kline`) over loopback HTTP. */
describe('PacificaRestClient <-> pacifica-sim (history)', () => {
  let sim: PacificaSim;
  let twin: PacificaSim;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 11, bookIntervalMs: 0 });
    twin = await startPacificaSim({ port: 0, seed: 11, bookIntervalMs: 0 });
  });

  afterAll(async () => {
    await sim.stop();
    await twin.stop();
  });

  it('serves the same past candles for the same seed, in the exchange shape', async () => {
    const end = FROM + 90 * MINUTE - 1;
    const candles = await client(sim).getKlines('BTC', '1m', FROM, end);
    expect(candles).toHaveLength(90);
    expect(candles).toEqual(await client(twin).getKlines('BTC', '1m', FROM, end));
    const [first] = candles;
    expect(first).toMatchObject({
      openTime: FROM,
      closeTime: FROM + MINUTE - 1,
      symbol: 'BTC',
      interval: '1m',
    });
    for (const price of [first.open, first.high, first.low, first.close]) {
      expect(price).toMatch(/^\d+$/);
    }
    expect(first.volume).toMatch(/^\d+\.\d{5}$/);
    expect(first.trades).toBeGreaterThan(0);
    expect(candles.map((c) => c.openTime)).toEqual(
      Array.from({ length: 90 }, (_, i) => FROM + i * MINUTE),
    );
  });

  it('caps a request at 4000 candles, the oldest first, and honours a smaller limit', async () => {
    const end = FROM + 5_000 * MINUTE - 1;
    const first = await client(sim).getKlines('BTC', '1m', FROM, end);
    expect(first).toHaveLength(KLINE_MAX_LIMIT);
    const rest = await client(sim).getKlines(
      'BTC',
      '1m',
      first[first.length - 1].openTime + MINUTE,
      end,
    );
    expect(rest).toHaveLength(1_000);
    expect(rest[rest.length - 1].openTime).toBe(FROM + 4_999 * MINUTE);
    expect(await client(sim).getKlines('BTC', '1m', FROM, end, 10)).toEqual(first.slice(0, 10));
  });

  it('merges the same minutes into longer intervals', async () => {
    const minutes = await client(sim).getKlines('ETH', '1m', FROM, FROM + 60 * MINUTE - 1);
    const [hour] = await client(sim).getKlines('ETH', '1h', FROM, FROM + 60 * MINUTE - 1);
    const sum = (candles: Candle[], pick: (c: Candle) => string) =>
      candles.reduce((total, c) => total.plus(pick(c)), new Decimal(0));
    expect(hour).toMatchObject({
      openTime: FROM,
      closeTime: FROM + 60 * MINUTE - 1,
      open: minutes[0].open,
      close: minutes[59].close,
      high: Decimal.max(...minutes.map((c) => c.high)).toFixed(1),
      low: Decimal.min(...minutes.map((c) => c.low)).toFixed(1),
      volume: sum(minutes, (c) => c.volume).toFixed(4),
      trades: minutes.reduce((total, c) => total + c.trades, 0),
    });
  });

  it('retries a 429 on a history request', async () => {
    const rateLimited = { mode: 'error', path: '/kline', status: 429, count: 1 } as const;
    sim.addFault(rateLimited);
    const raw = await fetch(`${sim.url}/kline?symbol=BTC&interval=1m&start_time=${FROM}`);
    expect(raw.status).toBe(429);
    sim.addFault(rateLimited);
    const candles = await client(sim).getKlines('BTC', '1m', FROM, FROM + 2 * MINUTE - 1);
    expect(candles).toHaveLength(2);
  });
});
