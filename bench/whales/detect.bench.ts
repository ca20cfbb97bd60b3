// Whale detection + activity tracking throughput and per-book latency, 30 symbols x 50 levels a
// side (Pacifica shows 10; 50 is the stress case).
import { ActivityTracker, detectionRules, stressBooks } from '@nexwave/whales/testing';

import { printFigure } from '../goal';

const SYMBOLS = 30;
const LEVELS_PER_SIDE = 50;
const ROUNDS = 400;
const PASSES = 5;

const rounds = stressBooks({
  seed: 20260115,
  symbols: SYMBOLS,
  levelsPerSide: LEVELS_PER_SIDE,
  rounds: ROUNDS,
});
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
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const percentileMicros = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] / 1e3;

console.log(
  `${SYMBOLS} symbols x ${LEVELS_PER_SIDE} levels a side, ${books} books a pass, ${PASSES} passes; ` +
    `${results[0].candidates} sightings, ${results[0].opened} activities opened a pass`,
);
printFigure(
  'books/s, detect + track (wall clock, median pass)',
  median(results.map((r) => books / (r.elapsedNs / 1e9))),
  '/s',
  { atLeast: 50_000 },
);
// Wall-clock figures suffer when other processes share the cores; CPU time per book does not.
printFigure(
  'books per CPU-second, detect + track (median pass)',
  median(results.map((r) => books / (r.cpuMicros / 1e6))),
  '/s',
  { atLeast: 50_000 },
);
printFigure('latency per book p50', percentileMicros(0.5), 'µs');
printFigure('latency per book p99', percentileMicros(0.99), 'µs', { atMost: 1_000 });
printFigure('latency per book max', latencies[latencies.length - 1] / 1e3, 'µs');
