// Whale detection + activity tracking throughput and per-book latency, 30 symbols x 50 levels a
// side (Pacifica shows 10; 50 is the stress case). Run by hand:
// npx ts-node --transpile-only -r tsconfig-paths/register bench/whales/detect.bench.ts
import { seededRandom } from '@nexwave/core';
import { ActivityTracker, detectionRules, Level, OrderBookSnapshot } from '@nexwave/whales/testing';

const SYMBOLS = 30;
const LEVELS_PER_SIDE = 50;
const ROUNDS = 400; // one round = one book per symbol, 5 s apart
const PASSES = 5;

const random = seededRandom(20260115);

interface Market {
  symbol: string;
  mid: number;
  decimals: number;
  /** A resting whale that stays for a while: [side, level index, size multiple, levels]. */
  whale: {
    side: 'bid' | 'ask';
    index: number;
    multiple: number;
    length: number;
    until: number;
  } | null;
}

const markets: Market[] = Array.from({ length: SYMBOLS }, (_, i) => {
  const mid = 10 ** (random() * 10 - 5); // 0.00001 .. 100,000
  return {
    symbol: i === 0 ? 'kBONK' : `SYM${i}`,
    mid,
    decimals: Math.max(0, 4 - Math.floor(Math.log10(mid))),
    whale: null,
  };
});

function nextBook(market: Market, round: number, time: Date): OrderBookSnapshot {
  market.mid *= 1 + (random() - 0.5) * 0.002;
  if (!market.whale || market.whale.until < round) {
    market.whale =
      random() < 0.3
        ? {
            side: random() < 0.5 ? 'bid' : 'ask',
            index: Math.floor(random() * 20),
            multiple: 5 + random() * 30,
            length: random() < 0.4 ? 3 + Math.floor(random() * 4) : 1,
            until: round + Math.floor(random() * 40),
          }
        : null;
  }
  const tick = market.mid * 1e-4;
  const unit = 2_000 / market.mid; // an ordinary level is worth ~$2,000 to ~$9,000
  const side = (name: 'bid' | 'ask', direction: number): Level[] =>
    Array.from({ length: LEVELS_PER_SIDE }, (_, i) => {
      const whale = market.whale;
      const inWhale = whale?.side === name && i >= whale.index && i < whale.index + whale.length;
      // Whale levels vary by ±10% so a multi-level whale is a ladder.
      const amount = inWhale
        ? unit * whale.multiple * (0.9 + random() * 0.2)
        : unit * Math.exp(random() * 1.5);
      return {
        price: (market.mid + direction * (i + 1) * tick).toFixed(market.decimals),
        amount: amount.toPrecision(6),
        orders: inWhale ? 1 : 1 + Math.floor(random() * 8),
      };
    });
  return { symbol: market.symbol, time, bids: side('bid', -1), asks: side('ask', 1) };
}

const start = Date.UTC(2026, 0, 15, 12);
const rounds: OrderBookSnapshot[][] = Array.from({ length: ROUNDS }, (_, round) =>
  markets.map((market) => nextBook(market, round, new Date(start + round * 5_000))),
);
const rules = detectionRules({ thresholdUsd: 25_000 });

interface PassResult {
  elapsedNs: number;
  cpuMicros: number;
  opened: number;
  candidates: number;
}

function pass(latenciesNs: number[]): PassResult {
  let id = 0;
  const tracker = new ActivityTracker({ rules, gracePeriodMs: 10_000, newId: () => String(++id) });
  let opened = 0;
  let candidates = 0;
  const cpuStart = process.cpuUsage();
  const passStart = process.hrtime.bigint();
  for (const books of rounds) {
    for (const book of books) {
      const t0 = process.hrtime.bigint();
      const update = tracker.observe(book);
      latenciesNs.push(Number(process.hrtime.bigint() - t0));
      candidates += update.opened.length + update.updated.length;
      opened += update.opened.length;
    }
  }
  const elapsedNs = Number(process.hrtime.bigint() - passStart);
  const cpu = process.cpuUsage(cpuStart);
  return { elapsedNs, cpuMicros: cpu.user + cpu.system, opened, candidates };
}

pass([]); // warm-up
const latencies: number[] = [];
const results = Array.from({ length: PASSES }, () => pass(latencies));
latencies.sort((a, b) => a - b);
const books = ROUNDS * SYMBOLS;
const rates = results.map((r) => books / (r.elapsedNs / 1e9)).sort((a, b) => a - b);
const percentile = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] / 1e3;

console.log(
  `${SYMBOLS} symbols x ${LEVELS_PER_SIDE} levels a side, ${books} books a pass, ${PASSES} passes`,
);
console.log(
  `whales per pass: ${results[0].candidates} sightings, ${results[0].opened} activities opened`,
);
console.log(
  `books/s (detect + track): median ${Math.round(rates[Math.floor(PASSES / 2)])} ` +
    `(passes: ${rates.map(Math.round).join(', ')})`,
);
console.log(
  `latency per book: p50 ${percentile(0.5).toFixed(1)} µs, ` +
    `p99 ${percentile(0.99).toFixed(1)} µs, ` +
    `max ${(latencies[latencies.length - 1] / 1e3).toFixed(1)} µs`,
);
// Wall-clock figures suffer when other processes share the cores; CPU time per book does not.
const cpuPerBook = results.map((r) => r.cpuMicros / books).sort((a, b) => a - b);
console.log(
  `CPU time per book: median ${cpuPerBook[Math.floor(PASSES / 2)].toFixed(1)} µs ` +
    `(${Math.round(1e6 / cpuPerBook[Math.floor(PASSES / 2)])} books per CPU-second)`,
);
