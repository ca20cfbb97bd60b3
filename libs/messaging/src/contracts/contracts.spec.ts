import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { envelopeSchema } from '../envelope';
import { ALL_TOPICS, Topics } from '../topics';
import { contractFor, contracts } from './registry';

const fixtureFiles = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.includes('fixtures') && file.endsWith('.json'))
  .sort();
const read = (file: string): unknown => JSON.parse(readFileSync(join(__dirname, file), 'utf8'));
const envelopeFixtures = fixtureFiles.filter((file) => !file.includes('-reply.'));

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

  it('include a breaker reply that parses with the orders.commands.v1 reply schema', () => {
    const reply = read('orders/fixtures/order-command-reply.v1.json');
    expect(contracts[Topics.OrdersCommands].reply!.parse(reply)).toEqual(reply);
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
  ];

  it.each(refused)('refuse %s', (_name, topic, fixture, change) => {
    expect(contracts[topic].schema.safeParse({ ...payloadOf(fixture), ...change }).success).toBe(
      false,
    );
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
