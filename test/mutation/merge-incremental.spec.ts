import { IncrementalReport, mergeIncrementalReports } from './merge-incremental';

const at = (line: number) => ({ start: { line, column: 3 } });

function report(
  file: string,
  testFile: string,
  tests: [id: string, name: string, line: number][],
  killedBy: string[],
  source = 'spec source',
): IncrementalReport {
  return {
    schemaVersion: '2',
    files: {
      [file]: {
        language: 'typescript',
        mutants: [{ id: '0', status: 'Killed', coveredBy: killedBy, killedBy }],
      },
    },
    testFiles: {
      [testFile]: {
        source,
        tests: tests.map(([id, name, line]) => ({ id, name, location: at(line) })),
      },
    },
  };
}

function killersOf(merged: IncrementalReport, file: string): string[] {
  const ids = merged.files[file].mutants[0].killedBy ?? [];
  const tests = Object.entries(merged.testFiles ?? {}).flatMap(([path, testFile]) =>
    testFile.tests.map((test) => ({ ...test, path })),
  );
  return ids.map((id) => {
    const matches = tests.filter((test) => test.id === id);
    expect(matches).toHaveLength(1);
    return `${matches[0].path}: ${matches[0].name}`;
  });
}

describe('mergeIncrementalReports', () => {
  it('keeps every file and points each mutant at its own killing test although both reports number their tests from 0', () => {
    const merged = mergeIncrementalReports([
      report('a.ts', 'a.spec.ts', [['0', 'a rounds down', 1]], ['0']),
      report('b.ts', 'b.spec.ts', [['0', 'b signs', 1]], ['0']),
    ]);

    expect(Object.keys(merged.files)).toEqual(['a.ts', 'b.ts']);
    expect(killersOf(merged, 'a.ts')).toEqual(['a.spec.ts: a rounds down']);
    expect(killersOf(merged, 'b.ts')).toEqual(['b.spec.ts: b signs']);
    const mutantIds = Object.values(merged.files).flatMap((f) => f.mutants.map((m) => m.id));
    expect(new Set(mutantIds).size).toBe(mutantIds.length);
  });

  it('keeps the last version of a test file that several reports hold, and maps the older references onto it by test location and name', () => {
    const older = report(
      'a.ts',
      'shared.spec.ts',
      [
        ['4', 'x', 1],
        ['5', 'y', 2],
      ],
      ['5'],
      'old',
    );
    const newer = report(
      'b.ts',
      'shared.spec.ts',
      [
        ['0', 'y', 2],
        ['1', 'x', 1],
      ],
      ['1'],
      'new',
    );

    const merged = mergeIncrementalReports([older, newer]);

    expect(merged.testFiles?.['shared.spec.ts'].source).toBe('new');
    expect(merged.testFiles?.['shared.spec.ts'].tests.map((t) => t.name)).toEqual(['y', 'x']);
    expect(killersOf(merged, 'a.ts')).toEqual(['shared.spec.ts: y']);
    expect(killersOf(merged, 'b.ts')).toEqual(['shared.spec.ts: x']);
  });

  it('adds to the kept test file a test only an older report had, so its mutants keep their killer', () => {
    const older = report('a.ts', 'shared.spec.ts', [['0', 'gone since', 9]], ['0']);
    const newer = report('b.ts', 'shared.spec.ts', [['0', 'x', 1]], ['0']);

    const merged = mergeIncrementalReports([older, newer]);

    expect(merged.testFiles?.['shared.spec.ts'].tests.map((t) => t.name)).toEqual([
      'x',
      'gone since',
    ]);
    expect(killersOf(merged, 'a.ts')).toEqual(['shared.spec.ts: gone since']);
  });

  it('lets the later report win for a mutated file that both hold', () => {
    const first = report('a.ts', 'a.spec.ts', [['0', 'old test', 1]], ['0']);
    const second = report('a.ts', 'a.spec.ts', [['0', 'new test', 1]], ['0']);

    expect(killersOf(mergeIncrementalReports([first, second]), 'a.ts')).toEqual([
      'a.spec.ts: new test',
    ]);
  });

  it('refuses an empty list', () => {
    expect(() => mergeIncrementalReports([])).toThrow('no report to merge');
  });
});
