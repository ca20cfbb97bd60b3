import { DataArgsError, parseDataArgs } from './data-args';

const NOW = new Date('2026-03-01T00:00:00Z');

describe('parseDataArgs', () => {
  it('parses a download', () => {
    expect(
      parseDataArgs(
        [
          'download',
          '--symbols',
          'BTC, kBONK',
          '--timeframe',
          '5m',
          '--from',
          '2026-01-01',
          '--source',
          'sim',
        ],
        NOW,
      ),
    ).toEqual({
      command: 'download',
      symbols: ['BTC', 'kBONK'],
      timeframe: '5m',
      from: new Date('2026-01-01T00:00:00Z'),
      to: NOW,
      source: 'sim',
      url: undefined,
    });
  });

  it('shows the help without a command or with --help', () => {
    expect(parseDataArgs([], NOW)).toEqual({ command: 'help' });
    expect(parseDataArgs(['download', '--help'], NOW)).toEqual({ command: 'help' });
  });

  it.each([
    [['download', '--from', '2026-01-01'], /--symbols is required/],
    [['download', '--symbols', 'BTC', '--from', '2026-01-01', '--timeframe', '1H'], /--timeframe/],
    [['download', '--symbols', 'BTC', '--from', 'yesterday'], /not an ISO date/],
    [['download', '--symbols', 'BTC', '--from', '2026-02-01', '--to', '2026-01-01'], /before --to/],
    [['download', '--symbols', 'BTC', '--from', '2026-01-01', '--source', 'x'], /--source/],
    [['upload'], /unknown command/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseDataArgs(argv, NOW)).toThrow(DataArgsError);
    expect(() => parseDataArgs(argv, NOW)).toThrow(message);
  });
});
