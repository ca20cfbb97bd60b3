import { BacktestArgsError, parseBacktestArgs, parseParams } from './backtest-args';

const BASE = [
  '--strategy',
  'mean_reversion',
  '--symbols',
  'BTC,ETH',
  '--from',
  '2026-01-01',
  '--to',
  '2026-02-01',
];

describe('parseBacktestArgs', () => {
  it('builds the request: 1h by default, parameters typed and validated with defaults', () => {
    const args = parseBacktestArgs([...BASE, '--param', 'lookback=30', '--json']);
    expect(args).toMatchObject({
      command: 'run',
      json: true,
      request: {
        strategy: 'mean_reversion',
        symbols: ['BTC', 'ETH'],
        timeframe: '1h',
        from: new Date('2026-01-01T00:00:00Z'),
        to: new Date('2026-02-01T00:00:00Z'),
        parameters: { lookback: 30, entryStdDevs: 2, timeframe: '1h' },
      },
    });
  });

  it('parses numbers and booleans, and keeps other values as strings', () => {
    expect(parseParams(['a=1.5', 'b=true', 'c=false', 'd=1h', 'e='])).toEqual({
      a: 1.5,
      b: true,
      c: false,
      d: '1h',
      e: '',
    });
  });

  it.each([
    [[...BASE.slice(2)], /--strategy is required/],
    [[...BASE, '--param', 'lookback=1'], /--param: lookback: /],
    [[...BASE, '--param', 'nope=1'], /--param: .*nope/],
    [[...BASE, '--param', 'timeframe=4h'], /--param: timeframe: must be the run's timeframe 1h/],
    [[...BASE, '--timeframe', '2h'], /--timeframe: timeframe must be one of/],
    [[...BASE, '--symbols', 'BTC,BTC'], /--symbols: /],
    [[...BASE, '--to', '2025-01-01'], /--from: from must be before to/],
    [[...BASE, '--extra'], /Unknown option '--extra'/],
  ])('refuses %j naming the problem', (argv, reason) => {
    expect(() => parseBacktestArgs(argv)).toThrow(BacktestArgsError);
    expect(() => parseBacktestArgs(argv)).toThrow(reason);
  });

  it('--source sim: a random walk from 2026-01-01 for --days, seeded', () => {
    const args = parseBacktestArgs([
      ...BASE.slice(0, 4),
      '--source',
      'sim',
      '--days',
      '3',
      '--seed',
      '9',
      '--report',
      'r.html',
    ]);
    expect(args).toMatchObject({
      source: { kind: 'sim', seed: 9 },
      report: 'r.html',
      request: {
        from: new Date('2026-01-01T00:00:00Z'),
        to: new Date('2026-01-04T00:00:00Z'),
      },
    });
    expect(parseBacktestArgs(BASE)).toMatchObject({ source: { kind: 'stored' } });
  });

  it.each([
    [[...BASE, '--source', 'csv'], /^--source: expected stored or sim/],
    [[...BASE, '--days', '3'], /^--days: only with --source sim/],
    [[...BASE, '--source', 'sim', '--days', '0'], /^--days: expected an integer of at least 1/],
    [[...BASE, '--source', 'sim', '--seed', '1.5'], /^--seed: expected an integer of at least 0/],
  ])('refuses %j naming the option', (argv, reason) => {
    expect(() => parseBacktestArgs(argv)).toThrow(reason);
  });

  it('--help', () => {
    expect(parseBacktestArgs(['--help'])).toEqual({ command: 'help' });
  });
});
