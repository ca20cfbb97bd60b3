import { RollingWindow } from './rolling-window';

describe('RollingWindow', () => {
  it.each([
    [3, [1, 2], [undefined, undefined], false],
    [3, [1, 2, 3], [undefined, undefined, undefined], true],
    [3, [1, 2, 3, 4, 5], [undefined, undefined, undefined, 1, 2], true],
    [1, [7, 8, 9], [undefined, 7, 8], true],
  ])('with capacity %i, pushing %j evicts %j', (capacity, pushes, evicted, full) => {
    const window = new RollingWindow(capacity);
    expect(pushes.map((value) => window.push(value))).toEqual(evicted);
    expect(window.isFull).toBe(full);
    expect(window.size).toBe(Math.min(capacity, pushes.length));
  });

  it('reports a completed turn every capacity pushes', () => {
    const window = new RollingWindow(2);
    const turns = [1, 2, 3, 4, 5].map((value) => {
      window.push(value);
      return window.wrapped;
    });
    expect(turns).toEqual([false, true, false, true, false]);
  });

  it.each([0, -1, 2.5])('refuses a capacity of %d', (capacity) => {
    expect(() => new RollingWindow(capacity)).toThrow(RangeError);
  });
});
