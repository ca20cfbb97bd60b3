import {
  startPacificaSim,
  type PacificaSim,
  type WhaleRecord,
} from '@nexwave/pacifica-sim/testing';

import { SimTestClient, WsProbe, type WsMessage } from './sim-test-client';

interface Level {
  p: string;
  a: string;
  n: number;
}
interface BookData {
  s: string;
  l: [Level[], Level[]];
  t: number;
}

const isBook = (symbol: string) => (m: WsMessage) =>
  m.channel === 'book' && (m.data as BookData).s === symbol;

describe('pacifica-sim streams, whales and faults (real HTTP and WS)', () => {
  let sim: PacificaSim;
  let api: SimTestClient;
  let admin: SimTestClient;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 3, bookIntervalMs: 10 });
    api = new SimTestClient(sim.url);
    admin = new SimTestClient(sim.adminUrl);
  });

  afterAll(() => sim.stop());

  it('streams full book snapshots of at most 10 levels per side, and answers pings', async () => {
    const ws = await WsProbe.open(sim.wsUrl);
    const params = { source: 'book', symbol: 'BTC', agg_level: 1 };
    ws.send({ method: 'subscribe', params });
    expect(await ws.next((m) => m.channel === 'subscribe')).toEqual({
      channel: 'subscribe',
      data: params,
    });
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { data } = await ws.next<BookData>(isBook('BTC'));
      const [bids, asks] = data.l;
      expect(bids).toHaveLength(10);
      expect(asks).toHaveLength(10);
      expect(Object.keys(bids[0]).sort()).toEqual(['a', 'n', 'p']);
      const bidPrices = bids.map((l) => Number(l.p));
      expect([...bidPrices].sort((a, b) => b - a)).toEqual(bidPrices);
      expect(Number(bids[0].p)).toBeLessThan(Number(asks[0].p));
      times.push(data.t);
    }
    expect(times[2]).toBeGreaterThanOrEqual(times[0]);
    ws.send({ method: 'ping' });
    expect(await ws.next((m) => m.channel === 'pong')).toEqual({ channel: 'pong' });
    await ws.close();
  });

  it('aggregates book levels with agg_level over REST', async () => {
    const response = await api.get<BookData>('/book', { symbol: 'BTC', agg_level: 10 });
    const [bids, asks] = response.body.data.l;
    expect(bids.length).toBeLessThanOrEqual(10);
    expect(new Set(bids.map((l) => Math.floor(Number(l.p) / 10))).size).toBe(bids.length);
    expect(asks.length).toBeGreaterThan(0);
  });

  it('shows an injected whale in the book: one outsized level with n=1, and a ladder', async () => {
    const ws = await WsProbe.open(sim.wsUrl);
    await ws.subscribe({ source: 'book', symbol: 'ETH', agg_level: 1 });
    const whale = await admin.post<{ prices: string[]; amounts: string[] }>('/whales', {
      symbol: 'ETH',
      side: 'bid',
      kind: 'single',
      notionalUsd: 2_000_000,
      durationMs: 60_000,
    });
    expect(whale.status).toBe(200);
    const [price] = whale.body.data.prices;
    const expected = { p: price, a: whale.body.data.amounts[0], n: 1 };
    const { data } = await ws.next<BookData>(
      (m) =>
        isBook('ETH')(m) &&
        (m.data as BookData).l[0].some((l) => JSON.stringify(l) === JSON.stringify(expected)),
    );
    const others = data.l[0].filter((l) => l.p !== price).map((l) => Number(l.a));
    expect(Number(expected.a)).toBeGreaterThan(10 * Math.max(...others));

    const ladder = sim.injectWhale({
      symbol: 'ETH',
      side: 'ask',
      kind: 'ladder',
      levels: 3,
      durationMs: 60_000,
    });
    const rungs = ladder.prices.map((p, i) => JSON.stringify({ p, a: ladder.amounts[i], n: 1 }));
    const withLadder = await ws.next<BookData>((m) => {
      if (!isBook('ETH')(m)) {
        return false;
      }
      const asks = (m.data as BookData).l[1].map((l) => JSON.stringify(l));
      return rungs.every((rung) => asks.includes(rung));
    });
    expect(withLadder.data.l[1].length).toBeLessThanOrEqual(10);
    expect(new Set(ladder.amounts).size).toBe(1);
    await ws.close();
  });

  it('injects 5xx, rejections and hangs into chosen REST requests', async () => {
    await admin.post('/faults', { mode: 'error', count: 2, path: '/info' });
    expect((await api.get('/info')).status).toBe(503);
    expect((await api.get('/info/prices')).body).toEqual({
      success: false,
      data: null,
      error: 'Service unavailable',
      code: null,
    });
    expect((await api.get('/info')).status).toBe(200);

    await admin.post('/faults', {
      mode: 'reject',
      count: 1,
      status: 429,
      message: 'Rate limit exceeded',
    });
    const limited = await api.get('/book', { symbol: 'BTC' });
    expect([limited.status, limited.body.error]).toEqual([429, 'Rate limit exceeded']);

    sim.addFault({ mode: 'hang', count: 1, path: '/trades' });
    const hung = fetch(`${sim.url}/trades?symbol=BTC`, { signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toThrow(/aborted|timeout/i);
    expect((await api.get('/trades', { symbol: 'BTC' })).status).toBe(200);
  });

  it('drops every WebSocket connection on request', async () => {
    const first = await WsProbe.open(sim.wsUrl);
    const second = await WsProbe.open(sim.wsUrl);
    const drop = await admin.post<{ dropped: number }>('/ws/drop', {});
    expect(drop.body.data.dropped).toBeGreaterThanOrEqual(2);
    expect(await first.closed).toBe(1006);
    expect(await second.closed).toBe(1006);
  });

  it('pauses one symbol book stream while others keep flowing', async () => {
    const ws = await WsProbe.open(sim.wsUrl);
    await ws.subscribe({ source: 'book', symbol: 'SOL', agg_level: 1 });
    await ws.subscribe({ source: 'book', symbol: 'BTC', agg_level: 1 });
    await ws.next(isBook('SOL'));
    await admin.post('/books/pause', { symbol: 'SOL' });
    // Everything after this pong was sent after the pause took effect.
    ws.send({ method: 'ping' });
    await ws.next((m) => m.channel === 'pong');
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const message = await ws.next((m) => m.channel === 'book');
      seen.push((message.data as BookData).s);
    }
    expect(seen).toEqual(['BTC', 'BTC', 'BTC', 'BTC', 'BTC']);
    await admin.post('/books/pause', { symbol: 'SOL', paused: false });
    await ws.next(isBook('SOL'));
    await ws.close();
  });
});

describe('pacifica-sim whale schedule', () => {
  let sim: PacificaSim;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 5, bookIntervalMs: 0, whaleEveryMs: 20 });
  });

  afterAll(() => sim.stop());

  it('injects whales on its own every whaleEveryMs', async () => {
    const ws = await WsProbe.open(sim.wsUrl);
    for (const symbol of ['BTC', 'ETH', 'SOL', 'kBONK']) {
      await ws.subscribe({ source: 'book', symbol, agg_level: 1 });
    }
    // With no ticks, the only snapshots are the ones a whale injection publishes: one per symbol.
    const snapshots: BookData[] = [];
    for (let i = 0; i < 4; i++) {
      snapshots.push((await ws.next<BookData>((m) => m.channel === 'book')).data);
    }
    const outsized = snapshots.filter((book) => {
      const levels = [...book.l[0], ...book.l[1]];
      const sizes = levels.map((l) => Number(l.a)).sort((a, b) => a - b);
      const median = sizes[Math.floor(sizes.length / 2)];
      return levels.some((l) => l.n === 1 && Number(l.a) > 4 * median);
    });
    expect(outsized.length).toBeGreaterThanOrEqual(1);
    await ws.close();
  });

  it('serves every whale it placed, its own and injected ones, at GET /sim/whales', async () => {
    const admin = new SimTestClient(sim.adminUrl);
    const injected = await admin.post<{ id: number }>('/whales', {
      symbol: 'SOL',
      side: 'ask',
      kind: 'ladder',
      levels: 3,
    });
    const { body } = await admin.get<WhaleRecord[]>('/whales');
    const own = body.data.filter((whale) => whale.origin === 'simulator');
    expect(own.length).toBeGreaterThanOrEqual(1);
    expect(body.data.find((whale) => whale.id === injected.body.data.id)).toMatchObject({
      origin: 'injected',
      symbol: 'SOL',
      side: 'ask',
      kind: 'ladder',
      endedAt: null,
    });
    expect(body.data.find((w) => w.id === injected.body.data.id)?.levels).toHaveLength(3);
  });
});
