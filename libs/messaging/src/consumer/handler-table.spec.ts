import { Topics } from '../topics';
import { HandlerTable } from './handler-table';

const handler = () => Promise.resolve();

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
    expect(table.consumersOf(Topics.WhalesDetected, 'group')).toEqual([]);
    expect(table.consumersOf(Topics.WhalesDetected).map((each) => each.consumer)).toEqual(['live']);
  });

  it('refuses an every-instance handler behind the inbox the instances share', () => {
    const table = new HandlerTable('gateway');
    expect(() =>
      table.add(Topics.WhalesDetected, handler, true, { delivery: 'every-instance' }),
    ).toThrow(/natural-key/);
  });
});
