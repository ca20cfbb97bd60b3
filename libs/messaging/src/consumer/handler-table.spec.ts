import { MessageHandler } from '@nestjs/microservices';
import { EMPTY, of, throwError } from 'rxjs';

import { UnknownTopicError } from '../messaging.errors';
import { Topics } from '../topics';
import { HandlerTable } from './handler-table';
import { MessageContext } from './message-context';

const handler = () => Promise.resolve();
const context = {} as MessageContext;

describe('HandlerTable deliveries', () => {
  it('lists topics and consumers by delivery', () => {
    const table = new HandlerTable('gateway');
    table.add(Topics.WhalesDetected, handler, true, {
      consumer: 'live',
      idempotentBy: 'natural-key',
      delivery: 'every-instance',
    });
    table.add(Topics.OrdersEvents, handler, true, { consumer: 'shared' });
    expect(table.eventTopics('every-instance')).toEqual([Topics.WhalesDetected]);
    expect(table.eventTopics('group')).toEqual([Topics.OrdersEvents]);
    expect(table.eventTopics()).toEqual([Topics.WhalesDetected, Topics.OrdersEvents]);
    expect(table.consumersOf(Topics.WhalesDetected, 'group')).toEqual([]);
    expect(table.consumersOf(Topics.WhalesDetected).map((each) => each.consumer)).toEqual(['live']);
    expect(table.consumersOf(Topics.OrdersRequests)).toEqual([]);
  });

  it('refuses an every-instance handler behind the inbox the instances share', () => {
    const table = new HandlerTable('gateway');
    expect(() =>
      table.add(Topics.WhalesDetected, handler, true, { delivery: 'every-instance' }),
    ).toThrow(
      `${Topics.WhalesDetected}: an every-instance handler must be idempotentBy 'natural-key'`,
    );
    expect(table.eventTopics()).toEqual([]);
  });
});

describe('HandlerTable event handlers', () => {
  it('refuses a topic without a contract', () => {
    const table = new HandlerTable('app');
    expect(() => table.add('nowhere.v1', handler, true)).toThrow(UnknownTopicError);
    expect(() => table.add('nowhere.v1', handler, false)).toThrow(UnknownTopicError);
  });

  it('keeps each handler of a topic separate, named after the group unless given a name, by the inbox and per group by default', () => {
    const table = new HandlerTable('app');

    expect(table.add(Topics.OrdersEvents, handler, true)).toBe(true);
    expect(table.add(Topics.OrdersEvents, handler, true)).toBe(false);
    expect(table.add(Topics.OrdersEvents, handler, true, { consumer: 'audit' })).toBe(false);
    expect(table.add(Topics.OrdersEvents, handler, true)).toBe(false);

    expect(
      table
        .consumersOf(Topics.OrdersEvents, 'group')
        .map(({ consumer, idempotentBy }) => ({ consumer, idempotentBy })),
    ).toEqual([
      { consumer: 'app', idempotentBy: 'inbox' },
      { consumer: 'app#1', idempotentBy: 'inbox' },
      { consumer: 'audit', idempotentBy: 'inbox' },
      { consumer: 'app#3', idempotentBy: 'inbox' },
    ]);
    expect(table.requestTopics()).toEqual([]);
  });

  it('accepts an every-instance handler that is idempotent by a natural key', () => {
    const table = new HandlerTable('app');
    table.add(Topics.WhalesDetected, handler, true, {
      idempotentBy: 'natural-key',
      delivery: 'every-instance',
    });
    expect(table.consumersOf(Topics.WhalesDetected, 'every-instance')).toMatchObject([
      { consumer: 'app', idempotentBy: 'natural-key' },
    ]);
  });
});

describe('HandlerTable request handlers', () => {
  it('answers a request topic with its responder, not as an event', async () => {
    const table = new HandlerTable('app');
    expect(table.add(Topics.RiskChecks, () => Promise.resolve('approved'), false)).toBe(true);

    expect(table.requestTopics()).toEqual([Topics.RiskChecks]);
    expect(table.eventTopics()).toEqual([]);
    expect(table.responderOf(Topics.OrdersCommands)).toBeUndefined();
    await expect(table.responderOf(Topics.RiskChecks)?.({}, context)).resolves.toBe('approved');
  });
});

describe('HandlerTable invoke', () => {
  async function invokeResult(result: unknown): Promise<unknown> {
    const table = new HandlerTable('app');
    const calls: unknown[][] = [];
    const nestHandler = ((payload: unknown, ctx: unknown) => {
      calls.push([payload, ctx]);
      return result;
    }) as MessageHandler;
    table.add(Topics.OrdersEvents, nestHandler, true);
    const outcome = await table.consumersOf(Topics.OrdersEvents)[0].invoke('payload', context);
    expect(calls).toEqual([['payload', context]]);
    return outcome;
  }

  it('settles what a Nest handler returns: a value, a promise or an observable', async () => {
    await expect(invokeResult('value')).resolves.toBe('value');
    await expect(invokeResult(Promise.resolve('promised'))).resolves.toBe('promised');
    await expect(invokeResult(of('first', 'last'))).resolves.toBe('last');
    await expect(invokeResult(EMPTY)).resolves.toBeUndefined();
  });

  it('rejects with the error a handler threw, through a promise or an observable', async () => {
    const error = new Error('handler failed');
    await expect(invokeResult(Promise.reject(error))).rejects.toBe(error);
    await expect(invokeResult(throwError(() => error))).rejects.toBe(error);
  });
});
