import { ActivityTracker, WhaleActivity } from './activity-tracker';
import {
  discordAlert,
  discordUpdateAlert,
  telegramAlert,
  telegramUpdateAlert,
} from './alert-message';
import { detectionRules } from './detection-rules';
import { Level } from './order-book';
import { book, level, levels, T0 } from './testing/books';

function activity(symbol: string, bids: Level[], asks: Level[]): WhaleActivity {
  const snapshot = book(bids, asks, symbol, T0);
  const rules = detectionRules({ thresholdUsd: 5_000 });
  const tracker = new ActivityTracker({ rules, gracePeriodMs: 10_000, newId: () => 'whale-1' });
  return tracker.observe(snapshot).opened[0];
}

// Built in each test, not at load: detection code run outside a test would count as covered by
// every test under mutation testing (Stryker's static mutants, each run against the whole suite).
let single: WhaleActivity;
let ladder: WhaleActivity;

beforeEach(() => {
  single = activity(
    'BTC',
    [level('97000', '1.5', 1), ...levels(96999, -1, 9, '0.01')],
    levels(97001, 1, 10, '0.01'),
  );
  ladder = activity(
    'kBONK',
    levels(0.0000209, -0.0000001, 10, 100).map((l) => ({
      ...l,
      price: Number(l.price).toFixed(7),
    })),
    [
      level('0.0000210', '300000000', 2),
      level('0.0000211', '300000000', 3),
      level('0.0000212', '300000000', 4),
    ],
  );
});

describe('telegramAlert', () => {
  it('writes a single-level whale as readable HTML', () => {
    expect(telegramAlert(single)).toEqual({
      parseMode: 'HTML',
      text: [
        '🐋 <b>Whale order on BTC: bid (buy wall)</b>',
        'Symbol: BTC',
        'Side: bid (buy)',
        'Kind: single price level, 1 order',
        'Size: 1.5 BTC',
        'Value: $145,500.00',
        'Price: 97000',
        `Confidence: ${Math.round(single.detected.confidence * 100)}%`,
        'Detected: 2026-01-15 12:00:00 UTC',
      ].join('\n'),
    });
  });

  it('writes a ladder with its price range and order count (kBONK keeps its case)', () => {
    const { text } = telegramAlert(ladder);
    expect(text).toContain('<b>Whale ladder on kBONK: ask (sell wall)</b>');
    expect(text).toContain('Kind: ladder of 3 levels, 9 orders');
    expect(text).toContain('Size: 900000000 kBONK');
    expect(text).toContain('Value: $18,990.00');
    expect(text).toContain('Price: 0.0000210 – 0.0000212');
  });

  it('escapes symbols that look like HTML', () => {
    const odd = { ...single, detected: { ...single.detected, symbol: '<b>A&B' } };
    const { text } = telegramAlert({ ...odd, symbol: '<b>A&B' });
    expect(text).toContain('Symbol: &lt;b&gt;A&amp;B');
    expect(text.replace(/<\/?b>/g, '')).not.toMatch(/[<>]/);
  });
});

describe('update alerts', () => {
  const tracker = new ActivityTracker({
    rules: detectionRules({ thresholdUsd: 5_000 }),
    gracePeriodMs: 10_000,
    updateAlertIntervalMs: 0,
    newId: () => 'whale-1',
  });
  const asks = levels(97001, 1, 10, '0.01');
  const bids = (amount: string) => [level('97000', amount, 1), ...levels(96999, -1, 9, '0.01')];
  tracker.observe(book(bids('1.5'), asks, 'BTC', T0));
  const [grown] = tracker.observe(
    book(bids('3'), asks, 'BTC', new Date(T0.getTime() + 5_000)),
  ).resized;

  it('describe the whale as now seen, its value next to the value at detection', () => {
    const { text } = telegramUpdateAlert(grown);
    expect(text).toContain('<b>Whale order on BTC: bid (buy wall) changed size</b>');
    expect(text).toContain('Size: 3 BTC');
    expect(text).toContain('Value: $291,000.00 (at detection $145,500.00)');
    expect(discordUpdateAlert(grown).embeds[0].title).toBe(
      'Whale order on BTC: bid (buy wall) changed size',
    );
  });
});

describe('discordAlert', () => {
  it('carries every field in an embed coloured by side', () => {
    const body = discordAlert(ladder);
    const [embed] = body.embeds;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(embed.title).toBe('Whale ladder on kBONK: ask (sell wall)');
    expect(embed.color).toBe(0xe74c3c);
    expect(embed.timestamp).toBe('2026-01-15T12:00:00.000Z');
    expect(Object.fromEntries(embed.fields.map((f) => [f.name, f.value]))).toEqual({
      Symbol: 'kBONK',
      Side: 'ask (sell)',
      Kind: 'ladder of 3 levels, 9 orders',
      Size: '900000000 kBONK',
      Value: '$18,990.00',
      Price: '0.0000210 – 0.0000212',
      Confidence: `${Math.round(ladder.detected.confidence * 100)}%`,
      Detected: '2026-01-15 12:00:00 UTC',
    });
    expect(discordAlert(single).embeds[0].color).toBe(0x2ecc71);
  });

  it('escapes markdown in symbols', () => {
    const odd = { ...single, symbol: 'A_B*', detected: { ...single.detected, symbol: 'A_B*' } };
    const body = discordAlert(odd);
    expect(body.content).toBe('🐋 Whale order on A\\_B\\*: bid (buy wall)');
    expect(body.embeds[0].fields[0].value).toBe('A\\_B\\*');
  });
});
