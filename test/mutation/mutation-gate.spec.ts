import {
  EquivalentMutant,
  evaluateMutationReport,
  MutationReport,
  ReportMutant,
} from './mutation-gate';

const FILE = 'libs/core/src/decimal.ts';

function mutant(status: string, line = 1, replacement = 'false'): ReportMutant {
  return {
    mutatorName: 'BooleanLiteral',
    replacement,
    status,
    location: { start: { line, column: 3 } },
  };
}

function report(...mutants: ReportMutant[]): MutationReport {
  return { files: { [FILE]: { mutants } } };
}

function equivalent(overrides: Partial<EquivalentMutant> = {}): EquivalentMutant {
  return {
    file: FILE,
    mutator: 'BooleanLiteral',
    line: 7,
    replacement: 'false',
    reason: 'the flag is only read when the list is empty',
    ...overrides,
  };
}

const nineKilled = Array.from({ length: 9 }, () => mutant('Killed'));

describe('evaluateMutationReport', () => {
  it('passes at the minimum score when the one survivor is listed as equivalent', () => {
    const result = evaluateMutationReport(
      report(...nineKilled, mutant('Survived', 7)),
      [equivalent()],
      90,
    );

    expect(result).toMatchObject({ score: 90, detected: 9, valid: 10, equivalent: 1 });
    expect(result.passed).toBe(true);
  });

  it('fails on a survivor that is not listed, naming it', () => {
    const result = evaluateMutationReport(report(...nineKilled, mutant('Survived', 8)), [], 50);

    expect(result.passed).toBe(false);
    expect(result.unlisted).toEqual([
      {
        file: FILE,
        mutator: 'BooleanLiteral',
        line: 8,
        column: 3,
        replacement: 'false',
        status: 'Survived',
      },
    ]);
  });

  it('counts a mutant no test covers as a survivor', () => {
    const result = evaluateMutationReport(report(mutant('Killed'), mutant('NoCoverage')), [], 0);

    expect(result).toMatchObject({ score: 50, valid: 2, passed: false });
    expect(result.unlisted.map((survivor) => survivor.status)).toEqual(['NoCoverage']);
  });

  it.each([
    ['file', { file: 'libs/core/src/other.ts' }],
    ['mutator', { mutator: 'ConditionalExpression' }],
    ['line', { line: 8 }],
    ['replacement', { replacement: 'true' }],
  ])('does not excuse a survivor whose %s differs from the entry', (_field, overrides) => {
    const result = evaluateMutationReport(
      report(...nineKilled, mutant('Survived', 7)),
      [equivalent(overrides)],
      0,
    );

    expect(result.unlisted).toHaveLength(1);
    expect(result.passed).toBe(false);
  });

  it('fails under the minimum score even when every survivor is listed', () => {
    const result = evaluateMutationReport(
      report(mutant('Killed'), mutant('Survived', 7)),
      [equivalent()],
      90,
    );

    expect(result.score).toBe(50);
    expect(result.passed).toBe(false);
  });

  it('counts timeouts as detected and leaves compile errors and ignored mutants out', () => {
    const result = evaluateMutationReport(
      report(mutant('Timeout'), mutant('Killed'), mutant('CompileError'), mutant('Ignored')),
      [],
      100,
    );

    expect(result).toMatchObject({ score: 100, detected: 2, valid: 2, passed: true });
  });

  it('fails on a listed mutant of a reported file that no longer survives', () => {
    const result = evaluateMutationReport(report(mutant('Killed', 7)), [equivalent()], 0);

    expect(result.stale).toEqual([equivalent()]);
    expect(result.passed).toBe(false);
  });

  it('leaves entries of files outside the report alone (a run with --mutate on one file)', () => {
    const other = equivalent({ file: 'libs/orders/src/domain/order.ts' });

    const result = evaluateMutationReport(report(mutant('Killed')), [other], 100);

    expect(result.stale).toEqual([]);
    expect(result.passed).toBe(true);
  });
});
