import { MemoryStreamLog } from './memory-stream-log';

function filled(count: number, maxLen: number): MemoryStreamLog {
  const log = new MemoryStreamLog();
  for (let i = 0; i < count; i++) {
    log.append({ stream: 's', id: `1-${i}`, fields: { seq: String(i) } }, maxLen);
  }
  return log;
}

describe('MemoryStreamLog', () => {
  it('numbers entries by position and keeps them while under maxLen', () => {
    const log = filled(3, 10);

    expect([log.first, log.end, log.length]).toEqual([0, 3, 3]);
    expect(log.at(1)?.id).toBe('1-1');
    expect(log.at(3)).toBeUndefined();
  });

  it.each([1, 3, 100])(
    'keeps the newest maxLen=%i entries at their positions across many trims',
    (maxLen) => {
      const log = filled(1_000, maxLen);

      expect([log.first, log.end, log.length]).toEqual([1_000 - maxLen, 1_000, maxLen]);
      expect(log.at(999)?.id).toBe('1-999');
      expect(log.at(1_000 - maxLen)?.id).toBe(`1-${1_000 - maxLen}`);
      expect(log.at(1_000 - maxLen - 1)).toBeUndefined();
    },
  );

  it('reads from a position, from the oldest retained one when it was trimmed', () => {
    const log = filled(10, 4);

    expect(log.from(7, 2)).toEqual({
      entries: [expect.objectContaining({ id: '1-7' }), expect.objectContaining({ id: '1-8' })],
      next: 9,
    });
    expect(log.from(2, 2).entries.map((entry) => entry.id)).toEqual(['1-6', '1-7']);
    expect(log.from(2, 2).next).toBe(8);
    expect(log.from(10, 5)).toEqual({ entries: [], next: 10 });
  });
});
