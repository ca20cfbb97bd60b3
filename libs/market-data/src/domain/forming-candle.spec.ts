import { bucketStart, LatestWins, withTrade, type FormingCandle } from './forming-candle';

const trade = (price: string, size: string, iso: string) => ({
  price,
  size,
  time: new Date(iso),
});

function fold(trades: ReturnType<typeof trade>[]): FormingCandle | undefined {
  return trades.reduce<FormingCandle | undefined>(
    (candle, each) => withTrade(candle, 'BTC', '5m', each),
    undefined,
  );
}

describe('bucketStart', () => {
  it.each([
    ['1m', '2026-01-15T12:03:59.999Z', '2026-01-15T12:03:00.000Z'],
    ['5m', '2026-01-15T12:04:59.999Z', '2026-01-15T12:00:00.000Z'],
    ['4h', '2026-01-15T07:59:00.000Z', '2026-01-15T04:00:00.000Z'],
    ['1d', '2026-01-15T23:59:59.000Z', '2026-01-15T00:00:00.000Z'],
  ] as const)('%s bucket of %s starts at %s', (timeframe, time, start) => {
    expect(bucketStart(timeframe, new Date(time)).toISOString()).toBe(start);
  });
});

describe('withTrade', () => {
  it('opens a candle at the first trade and moves high, low, close and volume exactly', () => {
    const candle = fold([
      trade('97000.5', '0.1', '2026-01-15T12:00:01Z'),
      trade('97100.25', '0.2', '2026-01-15T12:01:00Z'),
      trade('96900', '0.000000001', '2026-01-15T12:02:00Z'),
      trade('97050', '0.3', '2026-01-15T12:04:59.999Z'),
    ]);
    expect(candle).toEqual({
      symbol: 'BTC',
      timeframe: '5m',
      start: new Date('2026-01-15T12:00:00Z'),
      open: '97000.5',
      high: '97100.25',
      low: '96900',
      close: '97050',
      volume: '0.600000001',
      tradeCount: 4,
    });
  });

  it('starts a new candle at the first trade of a later bucket', () => {
    const candle = fold([
      trade('97000', '1', '2026-01-15T12:04:00Z'),
      trade('98000', '2', '2026-01-15T12:05:00Z'),
    ]);
    expect(candle).toMatchObject({
      start: new Date('2026-01-15T12:05:00Z'),
      open: '98000',
      volume: '2',
      tradeCount: 1,
    });
  });

  it('leaves the candle as it is for a late trade of an earlier bucket', () => {
    const candle = fold([
      trade('98000', '2', '2026-01-15T12:05:00Z'),
      trade('1', '5', '2026-01-15T12:04:59Z'),
    ]);
    expect(candle).toMatchObject({ low: '98000', close: '98000', volume: '2', tradeCount: 1 });
  });
});

describe('LatestWins', () => {
  it('sends the first value at once and at most one per interval, the latest winning', () => {
    const gate = new LatestWins<string>(1_000);
    expect(gate.offer('a', 10_000)).toBe('a');
    expect(gate.offer('b', 10_100)).toBeUndefined();
    expect(gate.offer('c', 10_500)).toBeUndefined();
    expect(gate.dueAt()).toBe(11_000);
    expect(gate.takeDue(10_999)).toBeUndefined();
    expect(gate.takeDue(11_000)).toBe('c');
    expect(gate.dueAt()).toBeUndefined();
    expect(gate.takeDue(12_500)).toBeUndefined();
  });

  it('sends a value offered an interval after the last one sent at once', () => {
    const gate = new LatestWins<string>(1_000);
    gate.offer('a', 0);
    expect(gate.offer('b', 1_000)).toBe('b');
    expect(gate.offer('c', 1_999)).toBeUndefined();
    expect(gate.offer('d', 2_000)).toBe('d');
    expect(gate.dueAt()).toBeUndefined();
  });
});
