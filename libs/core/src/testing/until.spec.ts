import { until } from './until';

describe('until', () => {
  it('resolves once an async condition holds, polling it again and again', async () => {
    let calls = 0;

    await until(() => Promise.resolve(++calls === 3), 'the third call', { intervalMs: 1 });

    expect(calls).toBe(3);
  });

  it('fails naming what it waited for once the deadline has passed', async () => {
    await expect(
      until(() => false, 'a condition that never holds', { timeoutMs: 20 }),
    ).rejects.toThrow('timed out after 20 ms waiting for a condition that never holds');
  });
});
