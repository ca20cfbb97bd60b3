import { RestartBudget } from './restart-budget';

describe('RestartBudget', () => {
  it.each([
    { failuresAt: [0], allowed: [true] },
    { failuresAt: [0, 1_000], allowed: [true, true] },
    { failuresAt: [0, 1_000, 2_000], allowed: [true, true, false] },
    { failuresAt: [0, 30_000, 59_999], allowed: [true, true, false] },
    { failuresAt: [0, 30_000, 60_000], allowed: [true, true, true] },
    { failuresAt: [0, 1_000, 70_000, 71_000], allowed: [true, true, true, true] },
    { failuresAt: [0, 1_000, 70_000, 71_000, 72_000], allowed: [true, true, true, true, false] },
  ])('3 failures within 60 s: $failuresAt -> $allowed', ({ failuresAt, allowed }) => {
    const budget = new RestartBudget(3, 60_000);
    expect(failuresAt.map((at) => budget.recordFailure(at))).toEqual(allowed);
  });
});
