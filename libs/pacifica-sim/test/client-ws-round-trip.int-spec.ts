import { Decimal } from '@nexwave/core';
import { SolanaKeypair } from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { expectWellFormedBook, newTraderClient, until, WsRecorder } from './client-harness';

const bookOf = (ws: WsRecorder, symbol: string) => ws.last('book', (b) => b.symbol === symbol);

/** The real PacificaWsClient against the simulator's `/ws` over loopback. */
describe('PacificaWsClient <-> pacifica-sim (streams, reconnect, watchdog)', () => {
  let sim: PacificaSim;
  let ws: WsRecorder;
  const account = SolanaKeypair.generate().publicKey;
  const other = SolanaKeypair.generate().publicKey;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 9, bookIntervalMs: 0 });
    ws = new WsRecorder({ url: sim.wsUrl }, [
      { source: 'book', symbol: 'BTC', aggLevel: 1 },
      { source: 'book', symbol: 'kBONK', aggLevel: 1 },
      { source: 'book', symbol: 'ETH', aggLevel: 10 },
      { source: 'trades', symbol: 'BTC' },
      { source: 'trades', symbol: 'ETH' },
      { source: 'bbo', symbol: 'BTC' },
      { source: 'bbo', symbol: 'kBONK' },
      { source: 'prices' },
      { source: 'account_positions', account },
    ]);
    await ws.client.connect();
  });

  afterAll(async () => {
    await ws.close();
    await sim.stop();
  });

  it('streams books (at most 10 levels a side), bbo, trades and prices for several symbols', async () => {
    await until(
      () =>
        ['BTC', 'kBONK', 'ETH'].every((symbol) => bookOf(ws, symbol)) &&
        ws.received('bbo').length > 0 &&
        ws.received('prices').length > 0 &&
        ws.received('trades').length > 0,
      'every market stream',
      { act: () => sim.tick() },
    );
    const ticks: Record<string, string> = { BTC: '1', kBONK: '0.000001', ETH: '0.1' };
    for (const book of ws.received('book')) {
      expectWellFormedBook(book, book.symbol, ticks[book.symbol]);
    }
    expect(new Set(ws.received('bbo').map((b) => b.symbol))).toEqual(new Set(['BTC', 'kBONK']));
    expect(ws.last('prices')!.map((p) => p.symbol)).toEqual(['BTC', 'ETH', 'SOL', 'kBONK']);
    for (const trade of ws.received('trades').flat()) {
      expect(['BTC', 'ETH']).toContain(trade.symbol);
      expect(new Decimal(trade.price).mod(trade.symbol === 'BTC' ? '1' : '0.1').isZero()).toBe(
        true,
      );
    }
    const eth = bookOf(ws, 'ETH')!;
    const buckets = eth.bids.map((level) => new Decimal(level.price).floor().toFixed());
    expect(new Set(buckets).size).toBe(buckets.length); // agg_level 10 x tick 0.1 = 1 USD buckets

    // One tick: the streamed book and bbo are the REST book of the same moment.
    ws.clear();
    sim.tick();
    await ws.waitFor(() => !!bookOf(ws, 'kBONK') && ws.received('bbo').length === 2, 'one tick');
    const { client } = newTraderClient(sim);
    const rest = await client.getOrderBook('kBONK');
    const streamed = bookOf(ws, 'kBONK')!;
    expect({ bids: streamed.bids, asks: streamed.asks }).toEqual({
      bids: rest.bids,
      asks: rest.asks,
    });
    expect(ws.last('bbo', (b) => b.symbol === 'kBONK')).toMatchObject({
      bidPrice: rest.bids[0].price,
      bidAmount: rest.bids[0].amount,
      askPrice: rest.asks[0].price,
      askAmount: rest.asks[0].amount,
    });
  });

  it('unsubscribes a stream', async () => {
    ws.client.unsubscribe({ source: 'bbo', symbol: 'kBONK' });
    // The server handles one socket's messages in order: a snapshot answering a later
    // subscription proves it has processed the unsubscribe.
    ws.client.subscribe({ source: 'account_positions', account: other });
    await ws.waitFor(() => ws.received('account_positions').length > 0, 'second snapshot');
    ws.clear();
    sim.tick();
    await ws.waitFor(() => ws.received('bbo').length > 0 && !!bookOf(ws, 'kBONK'), 'one tick');
    expect(ws.received('bbo').map((b) => b.symbol)).toEqual(['BTC']);
  });

  it('reconnects and resubscribes after the simulator drops every socket', async () => {
    const before = ws.client.stats();
    ws.clear();
    expect(sim.dropWsConnections()).toBe(1);

    // The account stream answers a (re)subscription with a snapshot: no market tick needed.
    await ws.waitFor(() => ws.received('account_positions').length > 0, 'resubscribed snapshot');
    await until(() => !!bookOf(ws, 'BTC'), 'a book after the reconnect', {
      act: () => sim.tick(),
    });
    expect(ws.client.stats()).toMatchObject({
      connections: 1,
      reconnects: before.reconnects + 1,
    });
    expect(sim.wsConnectionCount).toBe(1);
  });

  it('resubscribes a book that went stale (simulator paused it) and counts it', async () => {
    const live = await startPacificaSim({ port: 0, seed: 2, bookIntervalMs: 20 });
    const watched = new WsRecorder({ url: live.wsUrl, bookStaleAfterMs: 150 }, [
      { source: 'book', symbol: 'BTC', aggLevel: 1 },
      { source: 'book', symbol: 'ETH', aggLevel: 1 },
    ]);
    try {
      await watched.client.connect();
      await watched.waitFor(() => !!bookOf(watched, 'BTC') && !!bookOf(watched, 'ETH'), 'books');
      live.pauseBook('ETH', true);
      // Two more BTC books: the second comes from a tick after the pause, so no ETH book is in flight.
      const btcBooks = () => watched.received('book').filter((b) => b.symbol === 'BTC').length;
      const seen = btcBooks();
      await watched.waitFor(() => btcBooks() >= seen + 2, 'a BTC book sent after the pause');
      watched.clear();
      await until(() => watched.client.stats().staleResubscribes >= 2, 'two stale resubscribes');
      expect(bookOf(watched, 'ETH')).toBeUndefined();
      expect(bookOf(watched, 'BTC')).toBeDefined(); // the live book kept streaming

      live.pauseBook('ETH', false);
      await watched.waitFor(() => !!bookOf(watched, 'ETH'), 'the ETH book again');
      expect(watched.client.stats()).toMatchObject({ reconnects: 0, malformed: 0 });
    } finally {
      await watched.close();
      await live.stop();
    }
  });
});
