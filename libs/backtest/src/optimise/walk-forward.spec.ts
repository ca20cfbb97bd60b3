import { walkForwardFolds } from './walk-forward';

const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d));

describe('walkForwardFolds', () => {
  it('cuts [from, to) into folds + 1 segments, each fold judged on the next', () => {
    const folds = walkForwardFolds(day(0), day(50), 4);
    expect(
      folds.map((f) => [f.inSample.from, f.inSample.to, f.outOfSample.from, f.outOfSample.to]),
    ).toEqual([
      [day(0), day(10), day(10), day(20)],
      [day(10), day(20), day(20), day(30)],
      [day(20), day(30), day(30), day(40)],
      [day(30), day(40), day(40), day(50)],
    ]);
  });

  it('gives the last segment the remainder', () => {
    const from = new Date(0);
    const folds = walkForwardFolds(from, new Date(10), 2);
    expect(
      folds.map((f) => [
        f.inSample.from.getTime(),
        f.outOfSample.from.getTime(),
        f.outOfSample.to.getTime(),
      ]),
    ).toEqual([
      [0, 3, 6],
      [3, 6, 10],
    ]);
  });

  it.each([0, -1, 1.5])('rejects %s folds, naming walk-forward', (folds) => {
    expect(() => walkForwardFolds(day(0), day(10), folds)).toThrow(
      'walk-forward: folds must be a positive integer',
    );
  });

  it('rejects a period too short for its folds', () => {
    expect(() => walkForwardFolds(new Date(0), new Date(2), 4)).toThrow('too short');
  });
});
