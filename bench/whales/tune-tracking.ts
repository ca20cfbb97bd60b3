// Tunes the whale detection rules and tracker settings with the ground-truth evaluator, one
// setting at a time around the defaults, on a seed the bench does not report (3). Prints one line
// per setting value; pick the value that meets the goals with the most margin. Slow (minutes):
// npx ts-node --transpile-only -r tsconfig-paths/register bench/whales/tune-tracking.ts [whales]
import {
  DEFAULT_TRACKING_SETTINGS,
  runGroundTruth,
  type DetectionRulesOverrides,
  type TrackingSettings,
} from '@nexwave/whales/testing';

const WHALES = Number(process.argv[2] ?? 120);
const SEED = 3;

type Variant = { tracking?: Partial<TrackingSettings>; rules?: DetectionRulesOverrides };
const tracking = (name: keyof TrackingSettings, values: number[]) =>
  values.map((v): [number, Variant] => [v, { tracking: { [name]: v } }]);
const rules = (name: 'minSizeVsMedian', values: number[]) =>
  values.map((v): [number, Variant] => [v, { rules: { [name]: v } }]);
const ladder = (name: 'sizeTolerance' | 'minSizeVsMedian', values: number[]) =>
  values.map((v): [number, Variant] => [v, { rules: { ladder: { [name]: v } } }]);
const sweeps: Record<string, [number, Variant][]> = {
  gracePeriodMs: tracking('gracePeriodMs', [10_000, 15_000, 20_000, 30_000, 40_000]),
  keepSizeVsMedian: tracking('keepSizeVsMedian', [1.2, 1.5, 2, 2.5]),
  priceTolerance: tracking('priceTolerance', [0.0005, 0.001, 0.002, 0.004]),
  minSizeVsMedian: rules('minSizeVsMedian', [2, 2.5, 3, 4]),
  'ladder.sizeTolerance': ladder('sizeTolerance', [0.1, 0.2, 0.3]),
  'ladder.minSizeVsMedian': ladder('minSizeVsMedian', [2, 2.5, 3, 4]),
};

const only = process.argv[3];
for (const [name, variants] of Object.entries(sweeps)) {
  if (only && name !== only) {
    continue;
  }
  for (const [value, variant] of variants) {
    const { score: s } = runGroundTruth({
      seed: SEED,
      whales: WHALES,
      rules: variant.rules,
      tracking: { ...DEFAULT_TRACKING_SETTINGS, ...variant.tracking },
    });
    console.log(
      `${name}=${value}: ` +
        `precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} ` +
        `kind ${s.kindAccuracy.toFixed(3)} duplicates ${s.duplicatesPerWhale.toFixed(3)} ` +
        `p95 ${s.latencyP95Intervals} (activities ${s.activities}, fp ${s.falsePositives.decoys}+${s.falsePositives.unattributed})`,
    );
  }
}
