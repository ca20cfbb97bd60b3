import { BookStatistics } from './book-statistics';
import { detectWhales } from './detect-whales';
import { detectionRules } from './detection-rules';
import { ladderFinding } from './ladders';
import { Level, parseSide } from './order-book';
import { book, level, levels } from './testing/books';

const rules = detectionRules({ thresholdUsd: 25_000 });
const asks = levels(1001, 1, 10);
const kinds = (bids: Level[], bookAsks: Level[] = asks) =>
  detectWhales(book(bids, bookAsks), rules).map(
    (w) => `${w.side} ${w.kind} ${w.priceHigh}-${w.priceLow}`,
  );

describe('ladders', () => {
  it.each<[string, Level[], string[]]>([
    [
      '3 adjacent similar levels over the threshold',
      [level(1000, 1), level(999, 10), level(998, 10), level(997, 10), ...levels(996, -1, 6)],
      ['bid ladder 999-997'],
    ],
    [
      'sizes within 20% of the median',
      [level(1000, 1), level(999, 10), level(998, 11.5), level(997, 9), ...levels(996, -1, 6)],
      ['bid ladder 999-997'],
    ],
    [
      'only 2 similar levels',
      [level(1000, 1), level(999, 15), level(998, 15), ...levels(997, -1, 7)],
      [],
    ],
    [
      'sizes exactly 20% under and over the median are similar',
      [level(1000, 1), level(999, 10), level(998, 8), level(997, 12), ...levels(996, -1, 6)],
      ['bid ladder 999-997'],
    ],
    [
      'a rung exactly 20% under the median is a rung, not an ordinary level passed over',
      [level(1000, 1), level(999, 10), level(998, 10), level(997, 8), ...levels(996, -1, 6)],
      ['bid ladder 999-997'],
    ],
    [
      'a rung that lifts the median over 20% above the smallest rung ends the ladder',
      [
        level(999, 8),
        level(998, 9.9),
        level(997, 9.9),
        level(996, 10.5),
        level(995, 10.5),
        level(994, 10.5),
        ...levels(993, -1, 4),
      ],
      ['bid ladder 999-995'],
    ],
    [
      'dissimilar sizes (15 is 50% over the median 10)',
      [level(1000, 1), level(999, 10), level(998, 15), level(997, 10), ...levels(996, -1, 6)],
      [],
    ],
    [
      'similar levels interleaved with ordinary ones (a ladder off the quote grid, issue 16)',
      [level(999, 10), level(998, 1), level(997, 10), level(996, 1), level(995, 10), level(994, 1)],
      ['bid ladder 999-995'],
    ],
    [
      'two ordinary levels between rungs are passed over',
      [
        level(999, 10),
        level(998, 1),
        level(997, 1),
        level(996, 10),
        level(995, 1),
        level(994, 1),
        level(993, 10),
        ...levels(992, -1, 3),
      ],
      ['bid ladder 999-993'],
    ],
    [
      'three ordinary levels between two large ones end the run',
      [
        level(999, 30),
        ...levels(998, -1, 3),
        level(995, 30),
        ...levels(994, -1, 3),
        level(991, 30),
        level(990, 1),
      ],
      ['bid single 999-999', 'bid single 995-995', 'bid single 991-991'],
    ],
    [
      'two rungs whose next rung would lie past the last level shown: a ladder cut by the edge',
      [...levels(1000, -1, 7), level(993, 15), level(992, 1), level(991, 15)],
      ['bid ladder 993-991'],
    ],
    [
      'two rungs with room for a third before the edge are not a ladder',
      [
        ...levels(1000, -1, 5),
        level(995, 30),
        level(994, 1),
        level(993, 30),
        ...levels(992, -1, 2),
      ],
      ['bid single 995-995', 'bid single 993-993'],
    ],
    [
      'similar levels separated by a large dissimilar one',
      [
        level(999, 10),
        level(998, 40),
        level(997, 10),
        level(996, 1),
        level(995, 10),
        level(994, 1),
      ],
      ['bid single 998-998'],
    ],
    [
      'a price gap over 2x the first step ends the ladder',
      [level(1000, 1), level(999, 10), level(998, 10), level(990, 10), ...levels(989, -1, 6)],
      [],
    ],
    [
      'a gap of exactly 2x the first step is still evenly spaced',
      [level(1000, 1), level(999, 10), level(998, 10), level(996, 10), ...levels(995, -1, 6)],
      ['bid ladder 999-996'],
    ],
    [
      'a step under half the first step ends the ladder',
      [level(1000, 1), level(999, 10), level(997, 10), level(996.5, 10), ...levels(996, -1, 6)],
      [],
    ],
    [
      'a step of exactly half the first step is still evenly spaced',
      [level(1000, 1), level(999, 10), level(997, 10), level(996, 10), ...levels(995, -1, 6)],
      ['bid ladder 999-996'],
    ],
    [
      'the ladder together is under the threshold',
      [level(1000, 1), level(999, 8), level(998, 8), level(997, 8), ...levels(996, -1, 6)],
      [],
    ],
    [
      'a ladder extends as long as the levels stay similar',
      [level(1000, 1), ...levels(999, -1, 5, 10), ...levels(994, -1, 4)],
      ['bid ladder 999-995'],
    ],
    [
      'levels that are singles by themselves are absorbed by their ladder',
      [level(1000, 30), level(999, 30), level(998, 30), ...levels(997, -1, 7)],
      ['bid ladder 1000-998'],
    ],
    [
      'a single whale next to a ladder stays a single',
      [level(1000, 60), level(999, 10), level(998, 10), level(997, 10), ...levels(996, -1, 6)],
      ['bid single 1000-1000', 'bid ladder 999-997'],
    ],
  ])('%s', (_case, bids, expected) => {
    expect(kinds(bids)).toEqual(expected);
  });

  it.each([
    ['exactly 2.5x the median level outside it is a ladder', 4, ['bid ladder 999-997']],
    ['just under 2.5x is not', 4.01, []],
  ])('stand-out: %s', (_case, background, expected) => {
    const bids = [
      level(1000, background),
      ...levels(999, -1, 3, 10),
      ...levels(996, -1, 6, background),
    ];
    expect(kinds(bids, levels(1001, 1, 10, background))).toEqual(expected);
  });

  it('a rung turned away as dissimilar leaves the run and its stand-out as they were', () => {
    // 8.7 is no ordinary level (over 80% of the median 10.75) but makes 11.9 dissimilar: the run
    // stays 11.9, 9.6 and its stand-out median(9.6, 11.9) / 1.
    const pairs = detectionRules({ thresholdUsd: 10_000, ladder: { minLevels: 2 } });
    const bids = [level(999, 11.9), level(998, 9.6), level(997, 8.7), ...levels(996, -1, 7)];
    const [ladder, ...others] = detectWhales(book(bids, asks), pairs);
    expect(others).toEqual([]);
    expect(ladder).toMatchObject({ kind: 'ladder', priceHigh: '999', priceLow: '998' });
    expect(ladder.standout).toBeCloseTo(10.75, 9);
  });

  it('reports the stand-out of unequal rungs over the book outside them, larger levels included', () => {
    // Outside the ladder (10, 11, 12): 1, 1, 40, 40 and 40, median 40; any stand-out is a ladder.
    const anyStandout = detectionRules({ thresholdUsd: 25_000, ladder: { minSizeVsMedian: 0 } });
    const bids = [level(999, 10), level(998, 11), level(997, 12)];
    const bookAsks = [level(1001, 1), level(1002, 1), ...levels(1003, 1, 3, 40)];
    const [ladder] = detectWhales(book(bids, bookAsks), anyStandout);
    expect(ladder).toMatchObject({
      side: 'bid',
      kind: 'ladder',
      priceHigh: '999',
      priceLow: '997',
    });
    expect(ladder.standout).toBe(11 / 40);
  });

  it('finds ladders on the ask side, lowest price first', () => {
    const bookAsks = [level(1001, 1), ...levels(1002, 1, 3, 10), ...levels(1005, 1, 6)];
    expect(kinds(levels(999, -1, 10), bookAsks)).toEqual(['ask ladder 1004-1002']);
  });

  it('a uniform book is ordinary liquidity, not one long ladder', () => {
    expect(kinds(levels(999, -1, 10, 40), levels(1001, 1, 10, 40))).toEqual([]);
  });

  it('reports the exact sums of the ladder', () => {
    const bids = [level(1000, 1), level(999, '10.1', 2), level(998, '10.2'), level(997, '10.3')];
    const [ladder] = detectWhales(book([...bids, ...levels(996, -1, 6)], asks), rules);
    expect(ladder).toMatchObject({
      kind: 'ladder',
      priceLow: '997',
      priceHigh: '999',
      size: '30.6',
      notionalUsd: '30538.6',
      orderCount: 4,
    });
    expect(ladder.levels.map((l) => l.price)).toEqual(['999', '998', '997']);
  });

  it('scores its confidence from its stand-out, length, regularity and orders per level', () => {
    // Amounts 10..12 and steps 1 and 2: regularity (10/12 + 1/2) / 2; 2 orders per level.
    const bids = [
      level(1000, 1),
      level(999, 10, 1),
      level(998, 11, 2),
      level(997, 1),
      level(996, 12, 3),
      ...levels(995, -1, 5),
    ];
    const [ladder] = detectWhales(book(bids, asks), rules);
    expect(ladder).toMatchObject({ kind: 'ladder', priceHigh: '999', priceLow: '996' });
    expect(ladder.standout).toBe(11);
    expect(ladder.confidence).toBe(0.8045);
  });

  it('longer and more regular ladders are more confident', () => {
    const confidence = (ladder: Level[]) =>
      detectWhales(book([level(1001 - 1, 1), ...ladder, ...levels(980, -1, 6)], asks), rules)[0]
        .confidence;
    const three = confidence(levels(999, -1, 3, 10));
    const five = confidence(levels(999, -1, 5, 10));
    const uneven = confidence([level(999, 9), level(998, 11), level(997, 10)]);
    expect(five).toBeGreaterThan(three);
    expect(three).toBeGreaterThan(uneven);
  });

  it('finds a ladder of more than 64 levels (longer than the first scratch run)', () => {
    expect(kinds(levels(999, -1, 70, 10))).toEqual(['bid ladder 999-930']);
  });

  it('with a minLevels of 4, three rungs cut by the edge are a ladder, two are not', () => {
    const strict = detectionRules({ thresholdUsd: 25_000, ladder: { minLevels: 4 } });
    const found = (bids: Level[]) =>
      detectWhales(book(bids, asks), strict).map((w) => `${w.kind} ${w.priceHigh}-${w.priceLow}`);
    const rungs = [level(995, 15), level(994, 1), level(993, 15), level(992, 1), level(991, 15)];
    expect(found([...levels(1000, -1, 5), ...rungs])).toEqual(['ladder 995-991']);
    expect(found([...levels(1000, -1, 7), ...rungs.slice(2)])).toEqual([]);
  });

  it('with a minLevels of 2, a lone large level by the edge is a single, not a ladder of one', () => {
    const pairs = detectionRules({ thresholdUsd: 10_000, ladder: { minLevels: 2 } });
    const bids = [...levels(999, -1, 8), level(991, 15), level(990, 1)];
    expect(
      detectWhales(book(bids, asks), pairs).map((w) => `${w.kind} ${w.priceHigh}-${w.priceLow}`),
    ).toEqual(['single 991-991']);
  });

  it('a tracked ladder as it is now: stand-out of its median amount, whatever their order', () => {
    const side = parseSide([level(999, 12), level(998, 10), level(997, 11), ...levels(996, -1, 7)]);
    const stats = new BookStatistics(side, parseSide(asks));
    const finding = ladderFinding(side, [0, 1, 2], stats);
    expect(finding).toMatchObject({ kind: 'ladder', positions: [0, 1, 2], standout: 11 });
    expect(finding.notionalUsd.toFixed()).toBe('32935');
  });

  it('a minLevels of 4 needs 4 levels', () => {
    const strict = detectionRules({ thresholdUsd: 25_000, ladder: { minLevels: 4 } });
    const bids = [level(1000, 1), ...levels(999, -1, 3, 10), ...levels(996, -1, 6)];
    expect(detectWhales(book(bids, asks), strict)).toEqual([]);
  });
});
