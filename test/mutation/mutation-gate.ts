// Reads Stryker's JSON report (mutation-testing-report-schema) and the checked-in list of
// equivalent mutants: the run fails on a survivor not in the list, on a listed mutant that no
// longer survives (so the list stays true) and on a score under the minimum.

export interface EquivalentMutant {
  file: string;
  mutator: string;
  line: number;
  replacement: string;
  reason: string;
}

export interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}

export interface MutationReport {
  files: Record<string, { mutants: ReportMutant[] }>;
}

export interface Survivor {
  file: string;
  mutator: string;
  line: number;
  column: number;
  replacement: string;
  status: string;
}

export interface MutationGateResult {
  score: number;
  detected: number;
  valid: number;
  equivalent: number;
  unlisted: Survivor[];
  stale: EquivalentMutant[];
  passed: boolean;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

export function evaluateMutationReport(
  report: MutationReport,
  equivalents: readonly EquivalentMutant[],
  minimumScore: number,
): MutationGateResult {
  const survivors = listSurvivors(report);
  const isListed = (survivor: Survivor): boolean =>
    equivalents.some((entry) => matches(entry, survivor));
  const unlisted = survivors.filter((survivor) => !isListed(survivor));
  // Only entries of files in this report can be judged: `--mutate <file>` reports one file.
  const stale = equivalents.filter(
    (entry) =>
      entry.file in report.files && !survivors.some((survivor) => matches(entry, survivor)),
  );
  const mutants = Object.values(report.files).flatMap((file) => file.mutants);
  const detected = mutants.filter((mutant) => DETECTED.has(mutant.status)).length;
  const valid = detected + survivors.length;
  const score = valid === 0 ? 100 : (detected / valid) * 100;
  return {
    score,
    detected,
    valid,
    equivalent: survivors.length - unlisted.length,
    unlisted,
    stale,
    passed: score >= minimumScore && unlisted.length === 0 && stale.length === 0,
  };
}

function listSurvivors(report: MutationReport): Survivor[] {
  return Object.entries(report.files).flatMap(([file, { mutants }]) =>
    mutants
      .filter((mutant) => UNDETECTED.has(mutant.status))
      .map((mutant) => ({
        file,
        mutator: mutant.mutatorName,
        line: mutant.location.start.line,
        column: mutant.location.start.column,
        replacement: mutant.replacement ?? '',
        status: mutant.status,
      })),
  );
}

function matches(entry: EquivalentMutant, survivor: Survivor): boolean {
  return (
    entry.file === survivor.file &&
    entry.mutator === survivor.mutator &&
    entry.line === survivor.line &&
    entry.replacement === survivor.replacement
  );
}
