import { Test, type TestingModule } from '@nestjs/testing';

import {
  MessageBusPort,
  MessagingModule,
  RequestFailedError,
  Topics,
  type Envelope,
  type OrderCommandReplyV1,
  type OrderCommandV1,
  type OrderStateV1,
} from '@nexwave/messaging';
import { InMemoryBroker } from '@nexwave/messaging/testing';

import { OrdersError } from '../../domain/orders.errors';
import { OrdersApiError } from './orders-api.errors';
import { OrdersCommandSender } from './orders-command.sender';
import { placeOrderRequest } from './place-order.request';

const CLIENT_ORDER_ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const request = placeOrderRequest(
  { clientOrderId: CLIENT_ORDER_ID, symbol: 'BTC', side: 'bid', orderType: 'market', amount: '1' },
  'api-key:abc',
);
const BREAKER: OrderCommandReplyV1 = {
  outcome: 'breaker',
  state: 'halted',
  reason: 'maintenance',
  changedBy: 'api-key:abc',
  changedAt: '2026-01-15T12:00:00.000Z',
  consecutiveFailures: 0,
};

// The memory transport as the all-in-one app has it; order management is a responder answering
// as scripted.
describe('OrdersCommandSender', () => {
  let module: TestingModule;
  let broker: InMemoryBroker;
  let sender: OrdersCommandSender;
  let received: OrderCommandV1[];

  function answer(reply: (command: OrderCommandV1) => unknown): void {
    broker.respond(Topics.OrdersCommands, (record) => {
      const command = (JSON.parse(record.value) as Envelope<OrderCommandV1>).payload;
      received.push(command);
      return Promise.resolve(reply(command));
    });
  }

  beforeEach(async () => {
    module = await Test.createTestingModule({
      imports: [
        MessagingModule.forRoot({ transport: 'memory', group: 'api', requestTimeoutMs: 200 }),
      ],
    }).compile();
    broker = module.get(InMemoryBroker);
    sender = new OrdersCommandSender(module.get(MessageBusPort));
    received = [];
  });

  afterEach(() => module.close());

  it('sends halt and resume with who asked, and returns the breaker reply', async () => {
    answer(() => BREAKER);
    await expect(sender.halt('maintenance', 'api-key:abc')).resolves.toEqual(BREAKER);
    await sender.resume('api-key:abc', 'done');
    await sender.resume('api-key:abc', null);
    expect(received).toEqual([
      { command: 'halt', reason: 'maintenance', requestedBy: 'api-key:abc' },
      { command: 'resume', requestedBy: 'api-key:abc', reason: 'done' },
      { command: 'resume', requestedBy: 'api-key:abc' },
    ]);
  });

  it('turns a refusal with an orders code into that OrdersError, reason kept', async () => {
    answer(() => ({
      outcome: 'rejected',
      code: 'TRADING_HALTED',
      reason: 'trading halted by api-key:abc: maintenance',
    }));
    const refused = sender.cancel(CLIENT_ORDER_ID, 'api-key:abc');
    await expect(refused).rejects.toBeInstanceOf(OrdersError);
    await expect(refused).rejects.toMatchObject({
      code: 'TRADING_HALTED',
      message: 'trading halted by api-key:abc: maintenance',
    });
    expect(received).toEqual([
      { command: 'cancel', clientOrderId: CLIENT_ORDER_ID, requestedBy: 'api-key:abc' },
    ]);
  });

  it('answers an order stored as rejected with ORDER_REJECTED and the reason', async () => {
    const state: OrderStateV1 = {
      status: 'open',
      sequence: 1,
      clientOrderId: CLIENT_ORDER_ID,
      exchangeOrderId: null,
      strategyId: 'manual',
      symbol: 'BTC',
      side: 'bid',
      orderType: 'market',
      amount: '1',
      price: null,
      filledAmount: '0',
      averageFillPrice: null,
      feeUsd: '0',
      reason: null,
      reduceOnly: false,
      paperTrading: true,
    };
    answer(() => ({ outcome: 'order', order: { ...state, status: 'open', reason: null } }));
    await expect(sender.place(request)).resolves.toMatchObject({ order: { status: 'open' } });
    answer(() => ({
      outcome: 'order',
      order: { ...state, status: 'rejected', reason: 'NOTIONAL_TOO_SMALL: below 10 USD' },
    }));
    await expect(sender.place(request)).rejects.toMatchObject({
      constructor: OrdersApiError,
      code: 'ORDER_REJECTED',
      message: `order ${CLIENT_ORDER_ID} was rejected: NOTIONAL_TOO_SMALL: below 10 USD`,
      details: { clientOrderId: CLIENT_ORDER_ID },
    });
  });

  it('keeps a refusal code it does not know as COMMAND_REJECTED with the code', async () => {
    answer(() => ({ outcome: 'rejected', code: 'MARGIN_TOO_LOW', reason: 'not enough margin' }));
    await expect(sender.cancel(CLIENT_ORDER_ID, 'api-key:abc')).rejects.toMatchObject({
      constructor: OrdersApiError,
      code: 'COMMAND_REJECTED',
      message: 'not enough margin',
      details: { code: 'MARGIN_TOO_LOW' },
    });
  });

  it('answers ORDERS_UNAVAILABLE when nothing responds or the reply is late', async () => {
    await expect(sender.resume('x', null)).rejects.toMatchObject({ code: 'ORDERS_UNAVAILABLE' });
    answer(() => new Promise(() => undefined));
    await expect(sender.resume('x', null)).rejects.toMatchObject({
      code: 'ORDERS_UNAVAILABLE',
      details: { command: 'resume' },
    });
  });

  it('refuses a reply of the wrong outcome, and passes a failed responder on', async () => {
    answer(() => BREAKER);
    await expect(sender.cancel(CLIENT_ORDER_ID, 'api-key:abc')).rejects.toThrow(
      'cancel was answered with breaker, not order',
    );
    broker.respond(Topics.OrdersCommands, () => Promise.reject(new Error('database down')));
    await expect(sender.resume('x', null)).rejects.toBeInstanceOf(RequestFailedError);
  });
});
