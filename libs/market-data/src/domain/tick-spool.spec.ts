import type { Tick } from './tick';
import { decodeSpool, encodeSpoolLine, linesWithinBound } from './tick-spool';

const trade: Tick = {
  time: new Date('2026-03-01T12:00:01.250Z'),
  symbol: 'kBONK',
  price: '0.0198',
  size: '150000',
  side: 'sell',
  tradeId: '42',
  source: 'backfill',
};

describe('tick spool format', () => {
  it('round-trips a trade through one newline-terminated line', () => {
    const line = encodeSpoolLine(trade);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(decodeSpool(line)).toEqual({ ticks: [trade], torn: 0 });
  });

  it('keeps symbols and ids with quotes, tabs and newlines on one line', () => {
    const odd = { ...trade, symbol: 'A"\tB', tradeId: 'x\ny' };
    expect(decodeSpool(encodeSpoolLine(odd) + encodeSpoolLine(trade))).toEqual({
      ticks: [odd, trade],
      torn: 0,
    });
  });

  it('skips and counts a last line cut short by a crash', () => {
    const text = encodeSpoolLine(trade) + encodeSpoolLine({ ...trade, tradeId: '43' }).slice(0, 20);
    expect(decodeSpool(text)).toEqual({ ticks: [trade], torn: 1 });
  });

  it('skips and counts lines that are not trades, keeping the rest', () => {
    const lines = [
      'not json',
      '[1,"BTC"]',
      JSON.stringify([1_772_366_400_000, 'BTC', '1', '1', 'hold', '7', 'pacifica']),
      JSON.stringify([1_772_366_400_000, 'BTC', '1', '1', 'buy', '', 'pacifica']),
      JSON.stringify(['soon', 'BTC', '1', '1', 'buy', '7', 'pacifica']),
    ];
    const text = `${lines.join('\n')}\n${encodeSpoolLine(trade)}`;
    expect(decodeSpool(text)).toEqual({ ticks: [trade], torn: 5 });
  });

  it('keeps a last line that is whole but lost its newline', () => {
    expect(decodeSpool(encodeSpoolLine(trade).trimEnd())).toEqual({ ticks: [trade], torn: 0 });
  });

  it('reads an empty file as nothing', () => {
    expect(decodeSpool('')).toEqual({ ticks: [], torn: 0 });
  });
});

describe('linesWithinBound', () => {
  it.each([
    { sizes: [10, 10, 10], used: 0, max: 30, fit: 3 },
    { sizes: [10, 10, 10], used: 5, max: 30, fit: 2 },
    { sizes: [10, 10, 10], used: 30, max: 30, fit: 0 },
    { sizes: [10, 10, 10], used: 40, max: 30, fit: 0 },
    { sizes: [], used: 0, max: 30, fit: 0 },
    { sizes: [5, 40, 5], used: 0, max: 30, fit: 1 },
  ])('$sizes with $used of $max used: $fit fit', ({ sizes, used, max, fit }) => {
    expect(linesWithinBound(sizes, used, max)).toBe(fit);
  });

  it('round-trips a buyer-initiated trade of the live feed', () => {
    const live: Tick = { ...trade, side: 'buy', source: 'pacifica' };
    expect(decodeSpool(encodeSpoolLine(live))).toEqual({ ticks: [live], torn: 0 });
  });

  it('counts as torn a JSON line of the wrong shape: an object, a longer array, a field of the wrong type', () => {
    const whole = JSON.parse(encodeSpoolLine(trade)) as unknown[];
    const lines = [
      JSON.stringify({ length: 7 }),
      JSON.stringify([...whole, 'extra']),
      JSON.stringify([whole[0], 7, ...whole.slice(2)]),
    ];
    expect(decodeSpool(`${lines.join('\n')}\n`)).toEqual({ ticks: [], torn: 3 });
  });
});
