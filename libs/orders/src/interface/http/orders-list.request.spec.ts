import { OrdersApiError } from './orders-api.errors';
import { ordersListRequest, type OrdersListInput } from './orders-list.request';

describe('ordersListRequest', () => {
  it('defaults to the first 50 orders, unfiltered', () => {
    expect(ordersListRequest({})).toEqual({
      filter: { status: undefined, symbol: undefined, strategyId: undefined },
      page: { limit: 50, offset: 0 },
    });
  });

  it('keeps valid filters and paging', () => {
    expect(
      ordersListRequest({
        status: 'partially_filled',
        symbol: 'kBONK',
        strategyId: 'manual',
        limit: 500,
        offset: 1_000_000,
      }),
    ).toEqual({
      filter: { status: 'partially_filled', symbol: 'kBONK', strategyId: 'manual' },
      page: { limit: 500, offset: 1_000_000 },
    });
  });

  it.each<[OrdersListInput, string]>([
    [{ limit: 0 }, 'limit must be an integer from 1 to 500'],
    [{ limit: 501 }, 'limit must be an integer from 1 to 500'],
    [{ limit: 1.5 }, 'limit must be an integer from 1 to 500'],
    [{ offset: -1 }, 'offset must be an integer from 0 to 1000000'],
    [{ offset: 1_000_001 }, 'offset must be an integer from 0 to 1000000'],
    [{ status: 'done' }, 'status must be one of pending, open, partially_filled'],
    [{ symbol: 'BTC USD' }, 'symbol must be an exchange symbol like BTC or kBONK'],
    [{ strategyId: '' }, 'strategyId must be 1 to 64 characters'],
    [{ strategyId: 'x'.repeat(65) }, 'strategyId must be 1 to 64 characters'],
  ])('refuses %p with INVALID_REQUEST naming the rule', (input, rule) => {
    const attempt = () => ordersListRequest(input);
    expect(attempt).toThrow(OrdersApiError);
    expect(attempt).toThrow(rule);
  });

  it('names every broken rule at once', () => {
    expect(() => ordersListRequest({ limit: 0, offset: -1 })).toThrow(
      'limit must be an integer from 1 to 500; offset must be an integer from 0 to 1000000',
    );
  });
});
