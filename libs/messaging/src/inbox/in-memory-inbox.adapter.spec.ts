import { InMemoryInboxAdapter } from './in-memory-inbox.adapter';

function counter(): { runs: unknown[]; work: (transaction: unknown) => Promise<void> } {
  const runs: unknown[] = [];
  return {
    runs,
    work: (transaction) => {
      runs.push(transaction);
      return Promise.resolve();
    },
  };
}

describe('InMemoryInboxAdapter', () => {
  it('runs the work once per consumer and message id, without a transaction', async () => {
    const inbox = new InMemoryInboxAdapter();
    const { runs, work } = counter();

    await expect(inbox.runOnce('risk', 'm1', work)).resolves.toBe('handled');
    await expect(inbox.runOnce('risk', 'm1', work)).resolves.toBe('duplicate');

    expect(runs).toEqual([undefined]);
  });

  it('keeps consumers and message ids apart', async () => {
    const inbox = new InMemoryInboxAdapter();
    const { runs, work } = counter();

    await inbox.runOnce('risk', 'm1', work);
    await expect(inbox.runOnce('audit', 'm1', work)).resolves.toBe('handled');
    await expect(inbox.runOnce('risk', 'm2', work)).resolves.toBe('handled');

    expect(runs).toHaveLength(3);
  });

  it('does not record a message whose work failed, so a redelivery runs it again', async () => {
    const inbox = new InMemoryInboxAdapter();
    const { runs, work } = counter();

    await expect(
      inbox.runOnce('risk', 'm1', () => Promise.reject(new Error('db down'))),
    ).rejects.toThrow('db down');
    await expect(inbox.runOnce('risk', 'm1', work)).resolves.toBe('handled');

    expect(runs).toHaveLength(1);
  });

  it('holds a concurrent delivery of the same message until the first finishes, then reports it duplicate', async () => {
    const inbox = new InMemoryInboxAdapter();
    let finish!: () => void;
    const first = inbox.runOnce(
      'risk',
      'm1',
      () => new Promise<void>((resolve) => (finish = resolve)),
    );
    const { runs, work } = counter();
    const second = inbox.runOnce('risk', 'm1', work);
    await new Promise((resolve) => setImmediate(resolve));

    expect(runs).toEqual([]);
    finish();

    await expect(first).resolves.toBe('handled');
    await expect(second).resolves.toBe('duplicate');
    expect(runs).toEqual([]);
  });

  it('runs a concurrent delivery when the first one failed', async () => {
    const inbox = new InMemoryInboxAdapter();
    let fail!: (error: Error) => void;
    const first = inbox.runOnce(
      'risk',
      'm1',
      () => new Promise<void>((_resolve, reject) => (fail = reject)),
    );
    const { runs, work } = counter();
    const second = inbox.runOnce('risk', 'm1', work);
    fail(new Error('db down'));

    await expect(first).rejects.toThrow('db down');
    await expect(second).resolves.toBe('handled');
    expect(runs).toHaveLength(1);
  });

  it('remembers the newest `capacity` ids and forgets the oldest beyond them', async () => {
    const inbox = new InMemoryInboxAdapter(2);
    const { work } = counter();

    await inbox.runOnce('risk', 'a', work);
    await inbox.runOnce('risk', 'b', work);
    await expect(inbox.runOnce('risk', 'a', work)).resolves.toBe('duplicate');
    await expect(inbox.runOnce('risk', 'b', work)).resolves.toBe('duplicate');

    await inbox.runOnce('risk', 'c', work);
    await expect(inbox.runOnce('risk', 'b', work)).resolves.toBe('duplicate');
    await expect(inbox.runOnce('risk', 'c', work)).resolves.toBe('duplicate');
    await expect(inbox.runOnce('risk', 'a', work)).resolves.toBe('handled');
  });
});
