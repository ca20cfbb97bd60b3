import {
  PacificaWsClient,
  type OrderBook,
  type PacificaWsClientOptions,
  type PacificaWsEventMap,
  type WsChannel,
} from '@nexwave/pacifica';

import { subscribeTo, WsTestServer } from './support/ws-test-server';

const ACCOUNT = 'FVen3X669xLzsi6N2V91DoiyzHzg1uAgqiT8jZ9nS96Z';

function bookFrame(symbol: string, time = 1): string {
  return JSON.stringify({
    channel: 'book',
    data: {
      s: symbol,
      l: [[{ p: '100', a: '1.5', n: 3 }], [{ p: '101', a: '0.2', n: 1 }]],
      t: time,
    },
  });
}

/** Resolves with the next event of a channel. */
function nextEvent<C extends WsChannel>(
  client: PacificaWsClient,
  channel: C,
): Promise<PacificaWsEventMap[C]> {
  return new Promise((resolve) => {
    const off = client.on(channel, (data) => {
      off();
      resolve(data);
    });
  });
}

describe('PacificaWsClient against a local WebSocket server', () => {
  let server: WsTestServer;
  let client: PacificaWsClient;

  function newClient(options: Partial<PacificaWsClientOptions> = {}): PacificaWsClient {
    client = new PacificaWsClient({
      url: server.url,
      reconnect: { baseDelayMs: 10, maxDelayMs: 50 },
      bookStaleAfterMs: 0,
      ...options,
    });
    return client;
  }

  beforeEach(async () => {
    server = await WsTestServer.start();
  });

  afterEach(async () => {
    await client.close();
    await server.close();
  });

  it('subscribes with the wire params and emits typed, camelCase events', async () => {
    newClient({ apiKey: 'abcdefgh_key' });
    client.subscribe({ source: 'book', symbol: 'kBONK', aggLevel: 10 });
    client.subscribe({ source: 'bbo', symbol: 'BTC' });
    client.subscribe({ source: 'account_positions', account: ACCOUNT });
    await client.connect();
    const subscribes = await server.waitFor((m) => m.method === 'subscribe', 3);
    expect(subscribes.map((s) => s.message.params)).toEqual([
      { source: 'book', symbol: 'kBONK', agg_level: 10 },
      { source: 'bbo', symbol: 'BTC' },
      { source: 'account_positions', account: ACCOUNT },
    ]);
    expect(server.upgradeHeaders[0]['pf-api-key']).toBe('abcdefgh_key');

    const book = nextEvent(client, 'book');
    server.broadcast(bookFrame('kBONK', 7));
    await expect(book).resolves.toEqual<OrderBook>({
      symbol: 'kBONK',
      bids: [{ price: '100', amount: '1.5', orders: 3 }],
      asks: [{ price: '101', amount: '0.2', orders: 1 }],
      time: 7,
    });

    const bbo = nextEvent(client, 'bbo');
    server.broadcast(
      JSON.stringify({
        channel: 'bbo',
        data: { s: 'BTC', i: 9, t: 5, b: '100', B: '1', a: '101', A: '2' },
      }),
    );
    await expect(bbo).resolves.toMatchObject({ symbol: 'BTC', bidPrice: '100', askAmount: '2' });

    const positions = nextEvent(client, 'account_positions');
    server.broadcast(
      JSON.stringify({
        channel: 'account_positions',
        data: [
          { s: 'BTC', d: 'bid', a: '0.1', p: '60000', m: null, f: '0', i: false, l: null, t: 1 },
        ],
      }),
    );
    await expect(positions).resolves.toEqual([
      {
        symbol: 'BTC',
        side: 'bid',
        amount: '0.1',
        entryPrice: '60000',
        margin: null,
        funding: '0',
        isolated: false,
        liquidationPrice: null,
        time: 1,
      },
    ]);
  });

  it('counts and skips malformed frames without disconnecting', async () => {
    newClient();
    client.subscribe({ source: 'book', symbol: 'BTC', aggLevel: 1 });
    await client.connect();
    await server.waitFor(subscribeTo('book'));
    const books: OrderBook[] = [];
    client.on('book', (book) => books.push(book));
    const valid = nextEvent(client, 'book');
    server.broadcast('not json {');
    server.broadcast(JSON.stringify({ channel: 'book', data: { s: 'BTC', l: 'oops', t: 1 } }));
    server.broadcast(JSON.stringify({ nothing: true }));
    server.broadcast(bookFrame('BTC', 2));
    await valid;
    expect(books.map((b) => b.time)).toEqual([2]);
    expect(client.stats()).toMatchObject({ malformed: 3, reconnects: 0 });
  });

  it('sends an app-level ping on its interval', async () => {
    newClient({ pingIntervalMs: 20 });
    await client.connect();
    await expect(server.waitFor((m) => m.method === 'ping')).resolves.toHaveLength(1);
  });

  it('reconnects after the server drops the socket and subscribes everything again', async () => {
    newClient();
    client.subscribe({ source: 'trades', symbol: 'ETH' });
    client.subscribe({ source: 'account_order_updates', account: ACCOUNT });
    await client.connect();
    await server.waitFor((m) => m.method === 'subscribe', 2);
    server.dropAll();
    await server.waitFor(subscribeTo('trades', 'ETH'), 2);
    await server.waitFor(subscribeTo('account_order_updates'), 2);
    expect(client.stats().reconnects).toBe(1);

    const trades = nextEvent(client, 'trades');
    server.broadcast(
      JSON.stringify({
        channel: 'trades',
        data: [
          { h: 1, s: 'ETH', p: '3000', a: '1', d: 'open_long', tc: 'normal', t: 2, u: ACCOUNT },
        ],
      }),
    );
    await expect(trades).resolves.toMatchObject([
      { symbol: 'ETH', side: 'open_long', price: '3000' },
    ]);
  });

  it('resubscribes only the book that went stale', async () => {
    // ETH books arrive with every pong; BTC books never do.
    server.onPing = (socket) => socket.send(bookFrame('ETH'));
    newClient({ pingIntervalMs: 20, bookStaleAfterMs: 400 });
    client.subscribe({ source: 'book', symbol: 'BTC', aggLevel: 1 });
    client.subscribe({ source: 'book', symbol: 'ETH', aggLevel: 1 });
    await client.connect();
    await server.waitFor(subscribeTo('book', 'BTC'), 2);
    const unsubscribed = server.received
      .filter((r) => r.message.method === 'unsubscribe')
      .map((r) => r.message.params?.['symbol']);
    expect(unsubscribed).toEqual(['BTC']);
    expect(client.stats().staleResubscribes).toBeGreaterThanOrEqual(1);
  });

  it('opens another connection past the per-channel subscription limit', async () => {
    newClient({ maxSubscriptionsPerChannel: 2 });
    for (const symbol of ['BTC', 'ETH', 'SOL']) {
      client.subscribe({ source: 'book', symbol, aggLevel: 1 });
    }
    client.subscribe({ source: 'prices' });
    await client.connect();
    const subscribes = await server.waitFor((m) => m.method === 'subscribe', 4);
    expect(client.stats().connections).toBe(2);
    expect(server.sockets).toHaveLength(2);
    const socketOf = (symbol: string) =>
      subscribes.find((s) => s.message.params?.['symbol'] === symbol)?.socket;
    expect(socketOf('BTC')).toBe(socketOf('ETH'));
    expect(socketOf('SOL')).not.toBe(socketOf('BTC'));
  });

  it('counts a listener that throws and still serves the others', async () => {
    newClient();
    await client.connect();
    client.on('prices', () => {
      throw new Error('listener bug');
    });
    const prices = nextEvent(client, 'prices');
    server.broadcast(
      JSON.stringify({ channel: 'prices', data: [{ symbol: 'BTC', mark: '1', timestamp: 1 }] }),
    );
    await expect(prices).resolves.toMatchObject([{ symbol: 'BTC', mark: '1', mid: null }]);
    expect(client.stats().listenerErrors).toBe(1);
  });
});
