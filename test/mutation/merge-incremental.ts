// Unions Stryker incremental reports made on different files (by engineers working in parallel,
// or by runs with `--mutate` on part of the scope), so that the next run reuses all of them.
// Test and mutant ids are numbers local to each report: they are renumbered, and a test file
// held by several reports keeps the version of the last one, the other reports' references to its
// tests being matched by Stryker's own test identity (location and name).

export interface IncrementalTest {
  id: string;
  name: string;
  location?: { start: { line: number; column: number } };
}

export interface IncrementalMutant {
  id: string;
  coveredBy?: string[];
  killedBy?: string[];
  [field: string]: unknown;
}

export interface IncrementalReport {
  files: Record<string, { mutants: IncrementalMutant[]; [field: string]: unknown }>;
  testFiles?: Record<string, { tests: IncrementalTest[]; source?: string }>;
  [field: string]: unknown;
}

export function mergeIncrementalReports(reports: IncrementalReport[]): IncrementalReport {
  if (reports.length === 0) {
    throw new Error('mergeIncrementalReports: no report to merge');
  }
  const testFiles: NonNullable<IncrementalReport['testFiles']> = {};
  for (const report of reports) {
    Object.assign(testFiles, report.testFiles);
  }
  const idByTestKey = new Map<string, string>();
  let nextTestId = 0;
  const renumbered = (path: string, test: IncrementalTest): IncrementalTest => {
    const id = String(nextTestId++);
    idByTestKey.set(testKey(path, test), id);
    return { ...test, id };
  };
  for (const [path, testFile] of Object.entries(testFiles)) {
    testFiles[path] = { ...testFile, tests: testFile.tests.map((test) => renumbered(path, test)) };
  }
  // A test file replaced by a later report: older reports' references follow the test's identity,
  // and a test the kept version lacks is added to it.
  const idMaps = reports.map((report) => {
    const idMap = new Map<string, string>();
    for (const [path, testFile] of Object.entries(report.testFiles ?? {})) {
      for (const test of testFile.tests) {
        if (!idByTestKey.has(testKey(path, test))) {
          testFiles[path].tests.push(renumbered(path, test));
        }
        idMap.set(test.id, idByTestKey.get(testKey(path, test)) as string);
      }
    }
    return idMap;
  });

  const files: IncrementalReport['files'] = {};
  let nextMutantId = 0;
  reports.forEach((report, index) => {
    const remap = (ids?: string[]) =>
      ids?.flatMap((id) => (idMaps[index].has(id) ? [idMaps[index].get(id) as string] : []));
    for (const [path, file] of Object.entries(report.files)) {
      files[path] = {
        ...file,
        mutants: file.mutants.map((mutant) => ({
          ...mutant,
          id: String(nextMutantId++),
          coveredBy: remap(mutant.coveredBy),
          killedBy: remap(mutant.killedBy),
        })),
      };
    }
  });
  return { ...reports[reports.length - 1], files, testFiles };
}

function testKey(path: string, test: IncrementalTest): string {
  const start = test.location?.start;
  return `${path}@${start ? `${start.line}:${start.column}` : ''}\n${test.name}`;
}
