import { sleep } from './sleep';

describe('sleep', () => {
  it('resolves true once the time is up', async () => {
    await expect(sleep(1)).resolves.toBe(true);
  });

  it('resolves false at once when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sleep(3_600_000, controller.signal)).resolves.toBe(false);
  });

  it('resolves false when the signal aborts during the wait', async () => {
    const controller = new AbortController();
    const waiting = sleep(3_600_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBe(false);
  });
});
