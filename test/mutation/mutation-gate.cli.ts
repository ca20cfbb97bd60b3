// Run by `npm run test:mutation` after Stryker: exits non-zero when evaluateMutationReport fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  EquivalentMutant,
  evaluateMutationReport,
  MutationReport,
  Survivor,
} from './mutation-gate';

const MINIMUM_SCORE = 90;
const root = join(__dirname, '..', '..');

const report = readJson<MutationReport>(join(root, 'reports', 'mutation', 'mutation.json'));
const equivalents = readJson<EquivalentMutant[]>(join(__dirname, 'equivalent-mutants.json'));
const result = evaluateMutationReport(report, equivalents, MINIMUM_SCORE);

console.log(
  `mutation score ${result.score.toFixed(2)}% (${result.detected} of ${result.valid} detected; ` +
    `${result.equivalent} survivors listed as equivalent; minimum ${MINIMUM_SCORE}%)`,
);
for (const survivor of result.unlisted) {
  console.log(`survivor not listed as equivalent: ${describe(survivor)}`);
}
for (const entry of result.stale) {
  console.log(
    `listed as equivalent but no longer survives (remove it): ${entry.file}:${entry.line} ${entry.mutator} -> ${entry.replacement}`,
  );
}
if (!result.passed) {
  process.exitCode = 1;
}

function describe(survivor: Survivor): string {
  return `${survivor.file}:${survivor.line}:${survivor.column} ${survivor.mutator} -> ${JSON.stringify(survivor.replacement)} (${survivor.status})`;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
