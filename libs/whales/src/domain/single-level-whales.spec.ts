import { BookStatistics } from './book-statistics';
import { detectWhales } from './detect-whales';
import { detectionRules } from './detection-rules';
import { parseSide } from './order-book';
import { singleFinding } from './single-level-whales';
import { book, level, levels } from './testing/books';

// Background: 10 bids and 10 asks of 1 unit around 1000, so one unit is ~$1,000.
const bids = levels(999, -1, 10);
const asks = levels(1001, 1, 10);
const withBid = (price: number, amount: string, orders = 1) =>
  book(
    [...bids.filter((l) => Number(l.price) !== price), level(price, amount, orders)].sort(
      (a, b) => Number(b.price) - Number(a.price),
    ),
    asks,
  );

describe('single-price-point whales', () => {
  const rules = detectionRules({ thresholdUsd: 25_000 });

  it.each([
    ['exactly at the threshold is not over it', '25', 0],
    ['just above the threshold', '25.001', 1],
    ['just below the threshold', '24.999', 0],
  ])('USD threshold at $1000/unit: %s', (_case, amount, expected) => {
    expect(detectWhales(withBid(1000, amount), rules)).toHaveLength(expected);
  });

  it('reports exact decimals for the level', () => {
    const [whale] = detectWhales(withBid(1000, '25.001', 3), rules);
    expect(whale).toMatchObject({
      symbol: 'BTC',
      side: 'bid',
      kind: 'single',
      priceLow: '1000',
      priceHigh: '1000',
      size: '25.001',
      notionalUsd: '25001',
      orderCount: 3,
      levels: [level(1000, '25.001', 3)],
    });
  });

  it('uses the threshold of the rules it is given (per-symbol overrides)', () => {
    const small = detectionRules({ thresholdUsd: '5000' });
    expect(detectWhales(withBid(1000, '6'), small)).toHaveLength(1);
    expect(detectWhales(withBid(1000, '6'), rules)).toHaveLength(0);
  });

  describe('share of the book (both sides, base units)', () => {
    // 99 levels of 1 unit plus the candidate: the candidate's share is amount / (99 + amount).
    const shareBook = (amount: string) =>
      book([level(1000, amount), ...levels(999, -1, 49)], levels(1001, 1, 50));
    const shareOnly = detectionRules({ thresholdUsd: 1, minSizeVsMedian: 0 });

    it.each([
      ['exactly 1% is not over 1%', '1', 0],
      ['just over 1%', '1.0001', 1],
    ])('%s', (_case, amount, expected) => {
      const found = detectWhales(shareBook(amount), shareOnly);
      expect(found.filter((w) => w.priceLow === '1000')).toHaveLength(expected);
    });

    it('a big level is no whale when the book is deeper than 100x its size', () => {
      const deep = book([level(1000, 100), ...levels(999, -1, 9)], [level(1001, 20_000)]);
      expect(detectWhales(deep, rules).map((w) => w.side)).toEqual(['ask']);
    });
  });

  describe('stand-out versus the median level of the rest of the book', () => {
    const standoutOnly = detectionRules({ thresholdUsd: 1 });

    it.each([
      ['3x the median', '3', 1],
      ['just under 3x', '2.999', 0],
    ])('%s', (_case, amount, expected) => {
      expect(detectWhales(withBid(1000, amount), standoutOnly)).toHaveLength(expected);
    });

    it('with minSizeVsMedian 0 only the share and USD rules apply (the original rule)', () => {
      const original = detectionRules({ thresholdUsd: 900, minSizeVsMedian: 0 });
      expect(detectWhales(withBid(1000, '1'), original).length).toBeGreaterThan(10);
    });
  });

  it('one large order is more confident than many small orders of the same size', () => {
    const confidence = (orders: number) =>
      detectWhales(withBid(1000, '40', orders), rules)[0].confidence;
    expect(confidence(1)).toBeGreaterThan(confidence(2));
    expect(confidence(2)).toBeGreaterThan(confidence(20));
  });

  it('a level that stands out more is more confident', () => {
    const lowThreshold = detectionRules({ thresholdUsd: 1_000 });
    const confidence = (amount: string) =>
      detectWhales(withBid(1000, amount), lowThreshold)[0].confidence;
    expect(confidence('10')).toBeGreaterThan(confidence('4'));
    expect(confidence('100')).toBe(confidence('30')); // both saturate at 20x the median
  });

  it('a tracked single as it is now: exact notional, stand-out and confidence whatever the rules', () => {
    const side = parseSide([level(1000, '2.5', 3), ...levels(999, -1, 9)]);
    const stats = new BookStatistics(side, parseSide(asks));
    const finding = singleFinding(side, 0, stats);
    expect(finding).toMatchObject({
      kind: 'single',
      positions: [0],
      standout: 2.5,
      confidence: 0.7104,
    });
    expect(finding.notionalUsd.toFixed()).toBe('2500');
  });
});
