import { isUuid, uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a version 7, variant 1 UUID', () => {
    const id = uuidv7();
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
  });

  it('starts with the timestamp, so ids sort by time', () => {
    const early = uuidv7(1_700_000_000_000);
    const late = uuidv7(1_700_000_000_001);
    expect(early.slice(0, 13)).toBe('018bcfe5-6800');
    expect(early < late).toBe(true);
  });

  it('rejects what is not a UUID', () => {
    expect(isUuid('test-order-123')).toBe(false);
  });
});
