// Whale detection + tracking against the simulator's ground truth (issue 16): the production
// detector and tracker on the simulator's books in process, with random flow, whales and decoys.
// Goals: precision and recall >= 0.95, kind right >= 0.95, no duplicates, p95 latency < 2 runs.
// Run by hand: npx ts-node --transpile-only -r tsconfig-paths/register bench/whales/ground-truth.bench.ts
import { runGroundTruth } from '@nexwave/whales/testing';

const SEEDS = [1, 2];
const WHALES_PER_SEED = 150;

const runs = SEEDS.map((seed) => {
  const cpuStart = process.cpuUsage();
  const run = runGroundTruth({ seed, whales: WHALES_PER_SEED });
  const cpu = process.cpuUsage(cpuStart);
  return { seed, run, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
});

const figure = (value: number) => value.toFixed(3);
for (const { seed, run, cpuSeconds } of runs) {
  const s = run.score;
  console.log(
    `seed ${seed}: ${s.whales} whales (${s.detectable} detectable), ${s.decoys} decoys, ` +
      `${s.activities} activities, ${Math.round(run.simulatedMs / 60_000)} simulated minutes, ` +
      `${run.books} books, ${cpuSeconds.toFixed(1)} CPU s`,
  );
  console.log(
    `  precision ${figure(s.precision)}  recall ${figure(s.recall)}  kind ${figure(s.kindAccuracy)}  ` +
      `duplicates/whale ${figure(s.duplicatesPerWhale)}  p95 latency ${s.latencyP95Intervals} runs  ` +
      `false positives: ${s.falsePositives.decoys} decoys, ${s.falsePositives.unattributed} other`,
  );
}
const scores = runs.map((r) => r.run.score);
const total = (pick: (s: (typeof scores)[number]) => number) =>
  scores.reduce((sum, s) => sum + pick(s), 0);
const detected = total((s) => s.detected);
console.log(
  `all seeds: ${total((s) => s.whales)} whales, ${total((s) => s.activities)} activities  ` +
    `precision ${figure(total((s) => s.precision * s.activities) / total((s) => s.activities))}  ` +
    `recall ${figure(total((s) => s.recall * s.detectable) / total((s) => s.detectable))}  ` +
    `kind ${figure(total((s) => s.kindAccuracy * s.detected) / detected)}  ` +
    `duplicates/whale ${figure(total((s) => s.duplicatesPerWhale * s.detected) / detected)}  ` +
    `p95 latency (worst seed) ${Math.max(...scores.map((s) => s.latencyP95Intervals))} runs`,
);
