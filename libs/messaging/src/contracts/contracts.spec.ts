import { envelopeSchema } from '../envelope';
import { decodeStreamEntry, encodeStreamEntry } from '../streams/stream-entry.codec';
import type { StreamEntry } from '../streams/stream.port';
import {
  goldenFixtureFiles,
  goldenStreamEntries,
  readGoldenFixture as read,
} from '../testing/golden-fixtures';
import { ALL_TOPICS, StreamFamilies, Topics } from '../topics';
import { contractFor, contracts, streamContracts } from './registry';

const envelopeFixtures = goldenFixtureFiles().filter(
  (file) => !file.includes('-reply.') && !file.includes('.stream.'),
);
const streamFixtures = goldenStreamEntries();

describe('golden fixtures', () => {
  it.each(envelopeFixtures)('%s parses with the envelope schema and its topic schema', (file) => {
    const envelope = envelopeSchema.parse(read(file));
    const contract = Object.values(contracts).find(
      (c) => c.type === envelope.type && c.v === envelope.v,
    );
    expect(contract).toBeDefined();
    const payload = contract!.schema.parse(envelope.payload);
    expect(envelope.key).toBe(contract!.key(payload as never));
  });

  it('exist for every topic', () => {
    const covered = envelopeFixtures.map((file) => envelopeSchema.parse(read(file)).type);
    expect(
      ALL_TOPICS.map((topic) => contractFor(topic)!.type).filter((type) => !covered.includes(type)),
    ).toEqual([]);
  });

  const replyFixtures = goldenFixtureFiles().filter((file) => file.includes('-reply.'));
  const replyTopic = (file: string) =>
    file.startsWith('risk/')
      ? Topics.RiskChecks
      : file.startsWith('strategy/')
        ? Topics.StrategyCommands
        : Topics.OrdersCommands;

  it.each(replyFixtures)('%s parses with its request topic reply schema', (file) => {
    const reply = read(file);
    expect(contracts[replyTopic(file)].reply!.parse(reply)).toEqual(reply);
  });

  it('cover every orders.commands.v1 command and reply outcome, and every order event', () => {
    const payloads = envelopeFixtures.map((file) => envelopeSchema.parse(read(file)));
    const of = (type: string, field: string) =>
      payloads
        .filter((e) => e.type === type)
        .map((e) => (e.payload as Record<string, unknown>)[field])
        .sort();
    expect(of('orders.commands', 'command')).toEqual(
      ['cancel', 'cancel_all', 'halt', 'place'].sort(),
    );
    expect(of('orders.events', 'event')).toEqual(['expired', 'partially_filled', 'unknown']);
    const orderReplies = replyFixtures.filter((file) => replyTopic(file) === Topics.OrdersCommands);
    expect(orderReplies.map((file) => (read(file) as { outcome: string }).outcome).sort()).toEqual([
      'breaker',
      'canceled',
      'order',
      'rejected',
    ]);
  });

  it('cover an approved and a rejected risk.checks.v1 reply', () => {
    const riskReplies = replyFixtures.filter((file) => replyTopic(file) === Topics.RiskChecks);
    expect(
      riskReplies.map((file) => (read(file) as { approved: boolean }).approved).sort(),
    ).toEqual([false, true]);
  });

  it('cover every strategy.commands.v1 command and reply outcome', () => {
    const commands = envelopeFixtures
      .map((file) => envelopeSchema.parse(read(file)))
      .filter((envelope) => envelope.type === 'strategy.commands')
      .map((envelope) => (envelope.payload as { command: string }).command);
    expect(commands.sort()).toEqual(['pause', 'resume']);
    const outcomes = replyFixtures
      .filter((file) => replyTopic(file) === Topics.StrategyCommands)
      .map((file) => (read(file) as { outcome: string }).outcome);
    expect(outcomes.sort()).toEqual(['rejected', 'strategy']);
  });
});

describe('golden stream entries', () => {
  it.each(streamFixtures.map((entry) => [entry.stream, entry] as const))(
    '%s parses with its family contract and is written back as it was',
    (_stream, golden) => {
      const contract = streamContracts[golden.family];
      expect([contract.type, contract.v]).toEqual([golden.type, golden.v]);
      const decoded = decodeStreamEntry(golden.family, golden);
      if (!decoded.ok) {
        throw new Error(decoded.reason);
      }
      expect(encodeStreamEntry(golden.family, decoded.entry as never)).toEqual({
        stream: golden.stream,
        fields: golden.fields,
      });
    },
  );

  it('exist for every stream family', () => {
    expect(Object.values(StreamFamilies).sort()).toEqual(
      streamFixtures.map((entry) => entry.family).sort(),
    );
  });
});

describe('stream contract rules', () => {
  const [book] = streamFixtures.filter((e) => e.family === StreamFamilies.OrderBook);
  const [trade] = streamFixtures.filter((e) => e.family === StreamFamilies.Trades);
  const bookJson = JSON.parse(book.fields['data']) as Record<string, unknown>;
  const withBook = (change: Record<string, unknown>): StreamEntry => ({
    ...book,
    fields: { data: JSON.stringify({ ...bookJson, ...change }) },
  });
  const bid = (bookJson['bids'] as object[])[0];

  const refused: [name: string, family: 'orderbook' | 'trades', entry: StreamEntry][] = [
    ['a book whose data is not JSON', 'orderbook', { ...book, fields: { data: '{"symbol":' } }],
    ['a book without data', 'orderbook', { ...book, fields: { symbol: 'BTC' } }],
    ['a book level with a float price', 'orderbook', withBook({ bids: [{ ...bid, price: 1.5 }] })],
    ['a book level with a zero amount', 'orderbook', withBook({ bids: [{ ...bid, amount: '0' }] })],
    ['a book without asks', 'orderbook', withBook({ asks: undefined })],
    ['a book of another symbol', 'orderbook', withBook({ symbol: 'ETH' })],
    ['a trade with side sell', 'trades', { ...trade, fields: { ...trade.fields, side: 'sell' } }],
    ['a trade on another stream', 'trades', { ...trade, stream: 'trades:BTC' }],
  ];

  it.each(refused)('refuse %s, naming the problem', (_name, family, entry) => {
    const decoded = decodeStreamEntry(family, entry);
    expect(decoded).toEqual({ ok: false, reason: expect.any(String) as string });
  });

  it('refuse to encode an entry readers would refuse, naming the stream and field', () => {
    const entry = { ...(JSON.parse(book.fields['data']) as object), time: 'yesterday' };
    expect(() => encodeStreamEntry(StreamFamilies.OrderBook, entry as never)).toThrow(
      /orderbook:BTC: time/,
    );
  });
});

type Mutation = [
  name: string,
  topic: keyof typeof contracts,
  fixture: string,
  change: Record<string, unknown>,
];

const payloadOf = (file: string) => (read(file) as { payload: Record<string, unknown> }).payload;

describe('contract rules', () => {
  const refused: Mutation[] = [
    [
      'a float amount',
      Topics.OrdersRequests,
      'orders/fixtures/order-request.v1.json',
      { amount: 0.1 },
    ],
    [
      'an exponent amount',
      Topics.OrdersRequests,
      'orders/fixtures/order-request.v1.json',
      { amount: '1e-5' },
    ],
    [
      'a zero amount',
      Topics.OrdersRequests,
      'orders/fixtures/order-request.v1.json',
      { amount: '0.000' },
    ],
    [
      'a limit order without price',
      Topics.OrdersRequests,
      'orders/fixtures/order-request.v1.json',
      { price: null },
    ],
    [
      'a market order with a price',
      Topics.OrdersRequests,
      'orders/fixtures/order-request.v1.json',
      { orderType: 'market', tif: null, slippagePercent: '0.5' },
    ],
    [
      'a non-uuid clientOrderId',
      Topics.OrdersRequests,
      'orders/fixtures/order-request.v1.json',
      { clientOrderId: 'test-1' },
    ],
    [
      'a filled event short of amount',
      Topics.OrdersEvents,
      'orders/fixtures/order-event.v1.json',
      { event: 'filled', status: 'filled' },
    ],
    [
      'an event whose status does not follow',
      Topics.OrdersEvents,
      'orders/fixtures/order-event.v1.json',
      { status: 'open' },
    ],
    [
      'more filled than ordered',
      Topics.OrdersEvents,
      'orders/fixtures/order-event.v1.json',
      { filledAmount: '125001' },
    ],
    [
      'a rejection without reason',
      Topics.OrdersEvents,
      'orders/fixtures/order-event.v1.json',
      {
        event: 'rejected',
        status: 'rejected',
        filledAmount: '0',
        averageFillPrice: null,
        lastFillAmount: null,
        lastFillPrice: null,
      },
    ],
    [
      'an unknown event without reason',
      Topics.OrdersEvents,
      'orders/fixtures/order-event.unknown.v1.json',
      { reason: null },
    ],
    [
      'an event without a cause',
      Topics.OrdersEvents,
      'orders/fixtures/order-event.v1.json',
      { cause: undefined },
    ],
    [
      'an event with a cause nobody knows',
      Topics.OrdersEvents,
      'orders/fixtures/order-event.v1.json',
      { cause: 'gremlins' },
    ],
    [
      'a place command whose request is a float amount',
      Topics.OrdersCommands,
      'orders/fixtures/order-command.place.v1.json',
      {
        request: {
          ...(payloadOf('orders/fixtures/order-command.place.v1.json')['request'] as object),
          amount: 1.5,
        },
      },
    ],
    [
      'a cancel without a uuid',
      Topics.OrdersCommands,
      'orders/fixtures/order-command.cancel.v1.json',
      { clientOrderId: 'abc' },
    ],
    [
      'confidence below 0.6',
      Topics.WhalesDetected,
      'whales/fixtures/whale-detected.v1.json',
      { confidence: 0.5 },
    ],
    [
      'a ladder of two levels',
      Topics.WhalesDetected,
      'whales/fixtures/whale-detected.v1.json',
      { levels: 2, orderCount: 2 },
    ],
    [
      'priceLow above priceHigh',
      Topics.WhalesDetected,
      'whales/fixtures/whale-detected.v1.json',
      { priceLow: '97001' },
    ],
    [
      'a halt without reason',
      Topics.OrdersCommands,
      'orders/fixtures/order-command.v1.json',
      { reason: '' },
    ],
    [
      'a pause of no instance',
      Topics.StrategyCommands,
      'strategy/fixtures/strategy-command.v1.json',
      { strategyId: '' },
    ],
    [
      'a pause with a reason over 500 characters',
      Topics.StrategyCommands,
      'strategy/fixtures/strategy-command.v1.json',
      { reason: 'x'.repeat(501) },
    ],
    [
      'a strategy command nobody knows',
      Topics.StrategyCommands,
      'strategy/fixtures/strategy-command.v1.json',
      { command: 'liquidate' },
    ],
    [
      'a trade with a negative size',
      Topics.MarketDataTrades,
      'market-data/fixtures/trade.v1.json',
      { size: '-1' },
    ],
    [
      'a trade with side buy',
      Topics.MarketDataTrades,
      'market-data/fixtures/trade.v1.json',
      { side: 'buy' },
    ],
    [
      'a candle of an unknown timeframe',
      Topics.MarketDataCandles,
      'market-data/fixtures/candle.v1.json',
      { timeframe: '2m' },
    ],
    [
      'a candle with a float close',
      Topics.MarketDataCandles,
      'market-data/fixtures/candle.v1.json',
      { close: 3321.45 },
    ],
    [
      'a candle without trades',
      Topics.MarketDataCandles,
      'market-data/fixtures/candle.v1.json',
      { tradeCount: 0 },
    ],
    [
      'a risk check with a float price',
      Topics.RiskChecks,
      'risk/fixtures/risk-check.v1.json',
      { price: 60000 },
    ],
    [
      'a risk check with an unknown intent',
      Topics.RiskChecks,
      'risk/fixtures/risk-check.v1.json',
      { intent: 'hedge' },
    ],
    [
      'a risk check without a portfolio',
      Topics.RiskChecks,
      'risk/fixtures/risk-check.v1.json',
      { portfolio: undefined },
    ],
    [
      'a risk check with a negative equity',
      Topics.RiskChecks,
      'risk/fixtures/risk-check.v1.json',
      { portfolio: { equityUsd: '-1', positions: [] } },
    ],
    [
      'a risk check with a float position size',
      Topics.RiskChecks,
      'risk/fixtures/risk-check.v1.json',
      {
        portfolio: {
          equityUsd: '100000',
          positions: [{ symbol: 'ETH', size: -2.5, entryPrice: '3200', markPrice: '3150' }],
        },
      },
    ],
  ];

  it.each(refused)('refuse %s', (_name, topic, fixture, change) => {
    expect(contracts[topic].schema.safeParse({ ...payloadOf(fixture), ...change }).success).toBe(
      false,
    );
  });

  it.each([
    [
      'a rejected reply with a lower-case code',
      { outcome: 'rejected', code: 'halted', reason: 'x' },
    ],
    [
      'a breaker reply without changedBy',
      {
        outcome: 'breaker',
        state: 'closed',
        reason: null,
        changedAt: null,
        consecutiveFailures: 0,
      },
    ],
    ['a reply with an unknown outcome', { outcome: 'maybe' }],
  ])('refuse %s', (_name, reply) => {
    expect(contracts[Topics.OrdersCommands].reply!.safeParse(reply).success).toBe(false);
  });

  const riskReply = read('risk/fixtures/risk-check-reply.rejected.v1.json') as Record<
    string,
    unknown
  >;

  it.each([
    ['an approved risk reply naming a failed rule', { approved: true }],
    ['a rejected risk reply without a failed rule', { failedRule: null }],
    ['a risk reply with an unknown rule', { failedRule: 'mood' }],
    ['a risk reply without rules', { rules: [] }],
  ])('refuse %s', (_name, change) => {
    expect(contracts[Topics.RiskChecks].reply!.safeParse({ ...riskReply, ...change }).success).toBe(
      false,
    );
  });

  it.each([
    ['a strategy reply in an unknown state', { state: 'sleeping' }],
    ['a strategy reply without updatedAt', { updatedAt: undefined }],
  ])('refuse %s', (_name, change) => {
    const reply = read('strategy/fixtures/strategy-command-reply.v1.json') as object;
    expect(
      contracts[Topics.StrategyCommands].reply!.safeParse({ ...reply, ...change }).success,
    ).toBe(false);
  });

  it('key strategy commands by their instance', () => {
    const command = payloadOf('strategy/fixtures/strategy-command.v1.json');
    expect(contracts[Topics.StrategyCommands].key(command as never)).toBe('mean_reversion_1');
  });

  it('key risk checks by clientOrderId', () => {
    const check = payloadOf('risk/fixtures/risk-check.v1.json');
    expect(contracts[Topics.RiskChecks].key(check as never)).toBe(check['clientOrderId']);
  });

  it('key order commands by clientOrderId and breaker commands together', () => {
    const key = contracts[Topics.OrdersCommands].key;
    expect(key({ command: 'cancel', clientOrderId: '3f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a9b8' })).toBe(
      '3f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a9b8',
    );
    expect(key({ command: 'cancel_all', symbol: null })).toBe(key({ command: 'status' }));
  });

  it('accept a market order with slippage and keep case-sensitive symbols', () => {
    const market = {
      ...payloadOf('orders/fixtures/order-request.v1.json'),
      orderType: 'market',
      price: null,
      tif: null,
      slippagePercent: '0.5',
    };
    expect(contracts[Topics.OrdersRequests].schema.parse(market).symbol).toBe('kBONK');
  });
});
