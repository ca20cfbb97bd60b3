import { CircuitBreaker, CLOSED_BREAKER, type BreakerState } from './circuit-breaker';
import { OrdersError } from './orders.errors';

const T0 = new Date('2026-01-15T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const settings = { failureThreshold: 5, coolDownMs: 30_000 };

function failTimes(breaker: CircuitBreaker, times: number, now = T0) {
  return Array.from({ length: times }, (_, i) =>
    breaker.recordFailure(`HTTP 503 #${i + 1}`, now),
  ).flat();
}

function breakerIn(state: BreakerState): CircuitBreaker {
  const breaker = CircuitBreaker.create(settings);
  if (state === 'open' || state === 'half_open') {
    failTimes(breaker, 5);
  }
  if (state === 'half_open') {
    breaker.startSubmission(at(30_000));
  }
  if (state === 'halted') {
    breaker.halt('maintenance', 'alice', T0);
  }
  return breaker;
}

describe('CircuitBreaker', () => {
  it('starts closed with nothing counted and no probe, and lets submissions through unchanged', () => {
    const breaker = CircuitBreaker.create(settings);
    const fresh = {
      state: 'closed',
      consecutiveFailures: 0,
      lastError: null,
      reason: null,
      changedBy: null,
      changedAt: null,
      probeInFlight: false,
    };
    expect(breaker.snapshot()).toEqual(fresh);
    expect(breaker.startSubmission(T0)).toEqual([]);
    expect(breaker.snapshot()).toEqual(fresh);
  });

  it.each([
    [4, 'closed'],
    [5, 'open'],
  ] as const)('after %i consecutive failures it is %s', (failures, state) => {
    const breaker = CircuitBreaker.create(settings);
    const transitions = failTimes(breaker, failures);

    expect(breaker.snapshot().state).toBe(state);
    expect(transitions.map((t) => [t.from, t.to, t.reason])).toEqual(
      state === 'open'
        ? [['closed', 'open', '5 consecutive submission failures, last: HTTP 503 #5']]
        : [],
    );
  });

  it('honours a configured threshold', () => {
    const breaker = CircuitBreaker.create({ failureThreshold: 2, coolDownMs: 1 });
    failTimes(breaker, 2);
    expect(breaker.snapshot().state).toBe('open');
  });

  it('resets the count on a success, so failures must be consecutive', () => {
    const breaker = CircuitBreaker.create(settings);
    failTimes(breaker, 4);
    breaker.recordSuccess(T0);
    failTimes(breaker, 4);

    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 4 });
  });

  it('while open refuses with the failure count and last error until the cool-down is over', () => {
    const breaker = breakerIn('open');
    const decision = breaker.canSubmit(at(29_999));

    expect(decision).toEqual({
      allowed: false,
      code: 'BREAKER_OPEN',
      reason: expect.stringContaining('5 consecutive failures (last: HTTP 503 #5)') as string,
    });
    expect(() => breaker.startSubmission(at(29_999))).toThrow(
      expect.objectContaining({ code: 'BREAKER_OPEN' }) as OrdersError,
    );
    expect(breaker.canSubmit(at(30_000))).toEqual({ allowed: true, probe: true });
  });

  it('after the cool-down lets exactly one probe through', () => {
    const breaker = breakerIn('open');
    const transitions = breaker.startSubmission(at(30_000));

    expect(transitions).toEqual([
      expect.objectContaining({
        from: 'open',
        to: 'half_open',
        at: at(30_000),
        by: null,
        reason: 'cool-down over: probing with one order',
      }),
    ]);
    expect(breaker.canSubmit(at(30_001))).toMatchObject({ allowed: false, code: 'BREAKER_OPEN' });
    expect(() => breaker.startSubmission(at(30_001))).toThrow(OrdersError);
  });

  it('closes when the probe succeeds', () => {
    const breaker = breakerIn('half_open');
    expect(breaker.recordSuccess(at(31_000))).toEqual([
      expect.objectContaining({
        from: 'half_open',
        to: 'closed',
        consecutiveFailures: 0,
        reason: 'probe succeeded',
      }),
    ]);
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', probeInFlight: false });
    expect(breaker.canSubmit(at(31_000))).toEqual({ allowed: true, probe: false });
  });

  it('re-opens for a new cool-down when the probe fails', () => {
    const breaker = breakerIn('half_open');
    expect(breaker.recordFailure('timeout', at(31_000))).toEqual([
      expect.objectContaining({ from: 'half_open', to: 'open', reason: 'probe failed: timeout' }),
    ]);
    expect(breaker.canSubmit(at(60_999)).allowed).toBe(false);
    expect(breaker.canSubmit(at(61_000))).toEqual({ allowed: true, probe: true });
  });

  it.each(['closed', 'open', 'half_open'] as const)(
    'halts by hand from %s, naming who and why',
    (state) => {
      const breaker = breakerIn(state);
      const transitions = breaker.halt('exchange maintenance', 'alice', at(40_000));

      expect(transitions).toEqual([
        {
          from: state,
          to: 'halted',
          at: at(40_000),
          reason: 'exchange maintenance',
          by: 'alice',
          consecutiveFailures: breaker.snapshot().consecutiveFailures,
        },
      ]);
      expect(breaker.canSubmit(at(10_000_000))).toEqual({
        allowed: false,
        code: 'TRADING_HALTED',
        reason: 'trading halted by alice: exchange maintenance',
      });
    },
  );

  it('stays halted whatever submissions report; only resume lifts it', () => {
    const breaker = breakerIn('halted');
    expect([...breaker.recordSuccess(at(1)), ...failTimes(breaker, 6, at(2))]).toEqual([]);
    expect(breaker.snapshot().state).toBe('halted');

    expect(breaker.resume('bob', at(3))).toEqual([
      expect.objectContaining({
        from: 'halted',
        to: 'closed',
        by: 'bob',
        consecutiveFailures: 0,
        reason: 'resumed by bob',
      }),
    ]);
    expect(breaker.snapshot()).toMatchObject({
      state: 'closed',
      reason: null,
      changedBy: 'bob',
      changedAt: at(3),
    });
  });

  it('keeps why it was resumed in the transition, the audit trail', () => {
    expect(breakerIn('halted').resume('bob', at(3), 'exchange back')).toEqual([
      expect.objectContaining({ to: 'closed', by: 'bob', reason: 'resumed by bob: exchange back' }),
    ]);
  });

  it.each(['closed', 'open', 'half_open'] as const)('refuses to resume from %s', (state) => {
    const breaker = breakerIn(state);
    const before = breaker.snapshot();
    expect(() => breaker.resume('bob', at(1))).toThrow(
      expect.objectContaining({ code: 'NOT_HALTED', details: { state } }) as OrdersError,
    );
    expect(breaker.snapshot()).toBe(before);
  });

  it('refuses a second halt and keeps the first reason', () => {
    const breaker = breakerIn('halted');
    expect(() => breaker.halt('again', 'bob', at(1))).toThrow(
      expect.objectContaining({ code: 'ALREADY_HALTED' }) as OrdersError,
    );
    expect(breaker.snapshot()).toMatchObject({ reason: 'maintenance', changedBy: 'alice' });
  });

  it('restores from its snapshot, cool-down included', () => {
    const breaker = CircuitBreaker.restore(breakerIn('open').snapshot(), settings);
    expect(breaker.canSubmit(at(29_000)).allowed).toBe(false);
    expect(breaker.startSubmission(at(30_000))).toHaveLength(1);
  });

  it('keeps counting failures while open without a new transition or a new cool-down', () => {
    const breaker = breakerIn('open');
    expect(breaker.recordFailure('HTTP 502', at(10_000))).toEqual([]);
    expect(breaker.snapshot()).toMatchObject({
      state: 'open',
      consecutiveFailures: 6,
      lastError: 'HTTP 502',
      changedAt: T0,
    });
  });

  it('forgets the last error on a success while closed', () => {
    const breaker = CircuitBreaker.create(settings);
    failTimes(breaker, 2);
    expect(breaker.recordSuccess(T0)).toEqual([]);
    expect(breaker.snapshot()).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  it('says when to retry while open', () => {
    expect(breakerIn('open').canSubmit(at(1))).toMatchObject({
      reason:
        'circuit breaker open after 5 consecutive failures (last: HTTP 503 #5); retry after 2026-01-15T12:00:30.000Z',
    });
  });

  it('names the admin who halted and refuses a second halt naming them', () => {
    const breaker = breakerIn('halted');
    expect(() => breaker.halt('again', 'bob', at(1))).toThrow(
      expect.objectContaining({
        message: 'trading is already halted by alice',
        details: { haltedBy: 'alice' },
      }) as OrdersError,
    );
    expect(() => breaker.startSubmission(at(1))).toThrow(
      expect.objectContaining({
        code: 'TRADING_HALTED',
        message: 'trading halted by alice: maintenance',
        details: { state: 'halted' },
      }) as OrdersError,
    );
  });

  it('fills in what a stored snapshot does not say', () => {
    const halted = CircuitBreaker.restore(
      { ...CLOSED_BREAKER, state: 'halted', reason: null, changedBy: null },
      settings,
    );
    expect(halted.canSubmit(T0)).toMatchObject({
      reason: 'trading halted by an admin: no reason given',
    });
    expect(() => halted.halt('again', 'bob', T0)).toThrow('trading is already halted by an admin');

    // Open with no time of opening: the cool-down counts from the epoch.
    const open = CircuitBreaker.restore({ ...CLOSED_BREAKER, state: 'open' }, settings);
    expect(open.canSubmit(new Date(29_999))).toMatchObject({
      reason:
        'circuit breaker open after 0 consecutive failures (last: unknown); retry after 1970-01-01T00:00:30.000Z',
    });
    expect(open.canSubmit(new Date(30_000))).toEqual({ allowed: true, probe: true });
  });

  it('lets a restored half-open breaker with no probe in flight send one, and only one', () => {
    const breaker = CircuitBreaker.restore(
      { ...breakerIn('half_open').snapshot(), probeInFlight: false },
      settings,
    );
    expect(breaker.startSubmission(at(40_000))).toEqual([]);
    expect(breaker.canSubmit(at(40_000))).toEqual({
      allowed: false,
      code: 'BREAKER_OPEN',
      reason: 'circuit breaker half-open: a probe order is in flight',
    });
  });

  it('refuses to resume from a state, naming it', () => {
    expect(() => breakerIn('open').resume('bob', at(1))).toThrow(
      'trading is not halted (breaker open)',
    );
  });

  it('accepts the smallest settings: a threshold of 1 and no cool-down', () => {
    const breaker = CircuitBreaker.create({ failureThreshold: 1, coolDownMs: 0 });
    breaker.recordFailure('timeout', T0);
    expect(breaker.canSubmit(T0)).toEqual({ allowed: true, probe: true });
  });

  it.each([
    [{ failureThreshold: 0, coolDownMs: 1 }],
    [{ failureThreshold: 1.5, coolDownMs: 1 }],
    [{ failureThreshold: 5, coolDownMs: -1 }],
  ])('refuses settings %j', (bad) => {
    expect(() => CircuitBreaker.create(bad)).toThrow(RangeError);
  });

  it('says which setting is wrong', () => {
    expect(() => CircuitBreaker.create({ failureThreshold: 0, coolDownMs: 1 })).toThrow(
      'failureThreshold must be a positive integer, got 0',
    );
    expect(() => CircuitBreaker.create({ failureThreshold: 5, coolDownMs: -1 })).toThrow(
      'coolDownMs must not be negative, got -1',
    );
  });
});
