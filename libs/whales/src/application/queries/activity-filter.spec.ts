import { activityFilter, MAX_WHALE_OFFSET } from './activity-filter';
import { WhalesQueryError } from './whales-query.errors';

function problem(input: Parameters<typeof activityFilter>[0]): string | undefined {
  try {
    activityFilter(input);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(WhalesQueryError);
    return (error as WhalesQueryError).message;
  }
}

describe('activityFilter', () => {
  it('defaults limit and offset and accepts the largest offset', () => {
    expect(activityFilter({})).toMatchObject({ limit: 50, offset: 0 });
    expect(activityFilter({ offset: MAX_WHALE_OFFSET }).offset).toBe(MAX_WHALE_OFFSET);
  });

  it.each([
    [{ offset: 1e20 }, /offset must be an integer from 0 to 1000000/],
    [{ offset: -1 }, /offset must be an integer/],
    [{ symbol: 'BTC\u0000' }, /symbol must be an exchange symbol/],
    [{ minUsd: '1'.repeat(19) }, /minUsd must be a non-negative decimal/],
    [{ since: new Date(Number.NaN) }, /since must be an ISO 8601 date-time/],
    [{ since: new Date(-8.64e15) }, /since must be an ISO 8601 date-time in years 1 to 9999/],
  ])('refuses %p before any query', (input, reason) => {
    expect(problem(input)).toMatch(reason);
  });
});
