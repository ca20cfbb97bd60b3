import { checkedReason, strategySignalsRequest } from './strategy-signals.request';

const ID = '5b2d0c4e-9a7f-4d1e-b6a5-d4c3b2a1f0e9';

describe('strategySignalsRequest', () => {
  it('defaults to the newest 50', () => {
    expect(strategySignalsRequest({})).toEqual({ limit: 50 });
  });

  it('takes a cursor and a start', () => {
    expect(
      strategySignalsRequest({
        limit: 500,
        before: ID.toUpperCase(),
        since: '2026-01-15T00:00:00Z',
      }),
    ).toEqual({ limit: 500, before: ID, since: new Date('2026-01-15T00:00:00Z') });
  });

  it.each([
    [{ limit: 0 }, 'limit must be an integer from 1 to 500'],
    [{ limit: 501 }, 'limit must be an integer from 1 to 500'],
    [{ limit: 1.5 }, 'limit must be an integer from 1 to 500'],
    [{ before: 'latest' }, 'before must be the clientOrderId (a UUID) of a signal'],
    [{ since: 'yesterday' }, 'since must be an ISO 8601 date-time'],
  ])('refuses %j naming the parameter', (input, message) => {
    expect(() => strategySignalsRequest(input)).toThrow(message);
  });

  it('names every bad parameter at once', () => {
    expect(() => strategySignalsRequest({ limit: 0, before: 'x' })).toThrow(/limit.*; before/);
  });
});

describe('checkedReason', () => {
  it('keeps a reason, and none is null', () => {
    expect(checkedReason('funding')).toBe('funding');
    expect(checkedReason(undefined)).toBeNull();
    expect(checkedReason(null)).toBeNull();
  });

  it.each(['', 'x'.repeat(501)])('refuses a reason of %#', (reason) => {
    expect(() => checkedReason(reason)).toThrow('reason must be 1 to 500 characters');
  });
});
