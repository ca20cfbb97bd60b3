import { TokenBucket } from './token-bucket';
import { WhalesError } from './whales.errors';

const T0 = new Date('2026-01-15T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('TokenBucket', () => {
  it('allows one send per second for a Telegram chat', () => {
    const bucket = new TokenBucket({ capacity: 1, refillEveryMs: 1_000 });
    expect(bucket.tryTake(at(0))).toBe(true);
    expect(bucket.tryTake(at(0))).toBe(false);
    expect(bucket.availableAt(at(400))).toEqual(at(1_000));
    expect(bucket.tryTake(at(999))).toBe(false);
    expect(bucket.tryTake(at(1_000))).toBe(true);
  });

  it('allows a burst of 5 then one every 400 ms for a Discord webhook', () => {
    const bucket = new TokenBucket({ capacity: 5, refillEveryMs: 400 });
    const sent = Array.from({ length: 7 }, () => bucket.tryTake(at(0)));
    expect(sent).toEqual([true, true, true, true, true, false, false]);
    expect(bucket.availableAt(at(0))).toEqual(at(400));
    expect(bucket.tryTake(at(400))).toBe(true);
    expect(bucket.tryTake(at(400))).toBe(false);
  });

  it('a bucket with tokens to spare has one available now, not earlier', () => {
    const bucket = new TokenBucket({ capacity: 5, refillEveryMs: 400 });
    expect(bucket.availableAt(at(0))).toEqual(at(0));
    bucket.tryTake(at(0));
    expect(bucket.availableAt(at(0))).toEqual(at(0));
  });

  it('never holds more than its capacity after a long pause', () => {
    const bucket = new TokenBucket({ capacity: 2, refillEveryMs: 1_000 });
    bucket.tryTake(at(0));
    const sent = Array.from({ length: 3 }, () => bucket.tryTake(at(60_000)));
    expect(sent).toEqual([true, true, false]);
  });

  it('gives nothing back when time goes backwards', () => {
    const bucket = new TokenBucket({ capacity: 1, refillEveryMs: 1_000 });
    bucket.tryTake(at(5_000));
    expect(bucket.tryTake(at(0))).toBe(false);
    expect(bucket.tryTake(at(5_999))).toBe(false);
    expect(bucket.tryTake(at(6_000))).toBe(true);
  });

  it.each([
    [{ capacity: 0, refillEveryMs: 1_000 }, 'capacity must be an integer >= 1'],
    [{ capacity: 1.5, refillEveryMs: 1_000 }, 'capacity must be an integer >= 1'],
    [{ capacity: 1, refillEveryMs: 0 }, 'refillEveryMs must be positive'],
  ])('rejects %o: %s', (options, message) => {
    expect(() => new TokenBucket(options)).toThrow(WhalesError);
    expect(() => new TokenBucket(options)).toThrow(message);
  });
});
