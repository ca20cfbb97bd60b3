import { OrdersError } from './orders.errors';

/** closed = trading; open = tripped by failures; half_open = probing; halted = stopped by an admin. */
export type BreakerState = 'closed' | 'open' | 'half_open' | 'halted';

export interface BreakerSettings {
  /** Consecutive unhealthy submissions that open the breaker (default 5). */
  readonly failureThreshold: number;
  /** Time open before one probe is let through (default 30 s). */
  readonly coolDownMs: number;
}

export const DEFAULT_BREAKER_SETTINGS: BreakerSettings = {
  failureThreshold: 5,
  coolDownMs: 30_000,
};

/** The serialisable state of the breaker: what is stored and what status queries answer. */
export interface BreakerSnapshot {
  readonly state: BreakerState;
  readonly consecutiveFailures: number;
  /** The last unhealthy submission's error, kept while counting and while open. */
  readonly lastError: string | null;
  /** Why it is open or halted: the failures, or the admin's reason. */
  readonly reason: string | null;
  /** Who halted or resumed it by hand; null for automatic changes. */
  readonly changedBy: string | null;
  readonly changedAt: Date | null;
  /** A half-open probe has been let through and not yet reported. */
  readonly probeInFlight: boolean;
}

/** One change of state, to store and publish (audit: who, when, why). */
export interface BreakerTransition {
  readonly from: BreakerState;
  readonly to: BreakerState;
  readonly at: Date;
  readonly reason: string;
  readonly by: string | null;
  readonly consecutiveFailures: number;
}

export type SubmissionDecision =
  | { readonly allowed: true; readonly probe: boolean }
  | {
      readonly allowed: false;
      readonly code: 'BREAKER_OPEN' | 'TRADING_HALTED';
      readonly reason: string;
    };

export const CLOSED_BREAKER: BreakerSnapshot = {
  state: 'closed',
  consecutiveFailures: 0,
  lastError: null,
  reason: null,
  changedBy: null,
  changedAt: null,
  probeInFlight: false,
};

/**
 * The order circuit breaker. Only submissions that show the exchange is unhealthy (timeouts, 5xx,
 * connection errors: the caller decides) are reported as failures; any answer from the exchange,
 * even a business rejection, is a success. After `failureThreshold` consecutive failures it opens;
 * once `coolDownMs` has passed the next submission goes through as the single half-open probe,
 * whose success closes it and whose failure re-opens it. An admin halt stops everything from any
 * state, and only `resume` lifts it. Methods return the transitions they made.
 */
export class CircuitBreaker {
  private constructor(
    private state: BreakerSnapshot,
    private readonly settings: BreakerSettings,
  ) {}

  static create(settings: BreakerSettings = DEFAULT_BREAKER_SETTINGS): CircuitBreaker {
    return CircuitBreaker.restore(CLOSED_BREAKER, settings);
  }

  static restore(
    snapshot: BreakerSnapshot,
    settings: BreakerSettings = DEFAULT_BREAKER_SETTINGS,
  ): CircuitBreaker {
    if (!Number.isInteger(settings.failureThreshold) || settings.failureThreshold < 1) {
      throw new RangeError(
        `failureThreshold must be a positive integer, got ${settings.failureThreshold}`,
      );
    }
    if (settings.coolDownMs < 0) {
      throw new RangeError(`coolDownMs must not be negative, got ${settings.coolDownMs}`);
    }
    return new CircuitBreaker(snapshot, settings);
  }

  snapshot(): BreakerSnapshot {
    return this.state;
  }

  /** Whether a submission would be let through now, and if not, why. Changes nothing. */
  canSubmit(now: Date): SubmissionDecision {
    const { state, reason, changedBy, consecutiveFailures, lastError } = this.state;
    switch (state) {
      case 'closed':
        return { allowed: true, probe: false };
      case 'halted':
        return {
          allowed: false,
          code: 'TRADING_HALTED',
          reason: `trading halted by ${changedBy ?? 'an admin'}: ${reason ?? 'no reason given'}`,
        };
      case 'open':
        return this.coolDownOver(now)
          ? { allowed: true, probe: true }
          : {
              allowed: false,
              code: 'BREAKER_OPEN',
              reason: `circuit breaker open after ${consecutiveFailures} consecutive failures (last: ${lastError ?? 'unknown'}); retry after ${this.retryAt().toISOString()}`,
            };
      case 'half_open':
        return this.state.probeInFlight
          ? {
              allowed: false,
              code: 'BREAKER_OPEN',
              reason: 'circuit breaker half-open: a probe order is in flight',
            }
          : { allowed: true, probe: true };
    }
  }

  /**
   * Claims the right to submit one order now: throws BREAKER_OPEN or TRADING_HALTED with the
   * reason when not allowed; after the cool-down it moves to half_open and claims the one probe.
   */
  startSubmission(now: Date): BreakerTransition[] {
    const decision = this.canSubmit(now);
    if (!decision.allowed) {
      throw new OrdersError(decision.code, decision.reason, { state: this.state.state });
    }
    if (!decision.probe) {
      return [];
    }
    const transitions =
      this.state.state === 'open'
        ? [this.move('half_open', now, 'cool-down over: probing with one order', null)]
        : [];
    this.state = { ...this.state, probeInFlight: true };
    return transitions;
  }

  /** The exchange answered a submission: resets the count, and a probe's success closes it. */
  recordSuccess(now: Date): BreakerTransition[] {
    if (this.state.state === 'half_open') {
      return [
        this.move('closed', now, 'probe succeeded', null, {
          consecutiveFailures: 0,
          lastError: null,
        }),
      ];
    }
    this.state = { ...this.state, consecutiveFailures: 0, lastError: null };
    return [];
  }

  /** A submission failed in a way that says the exchange is unhealthy. */
  recordFailure(error: string, now: Date): BreakerTransition[] {
    const failures = this.state.consecutiveFailures + 1;
    const counted = { consecutiveFailures: failures, lastError: error };
    const { state } = this.state;
    if (state === 'half_open') {
      return [this.move('open', now, `probe failed: ${error}`, null, counted)];
    }
    if (state === 'closed' && failures >= this.settings.failureThreshold) {
      return [
        this.move(
          'open',
          now,
          `${failures} consecutive submission failures, last: ${error}`,
          null,
          counted,
        ),
      ];
    }
    this.state = { ...this.state, ...counted };
    return [];
  }

  /** Stops all submissions until `resume`, from any state. Refuses a second halt (ALREADY_HALTED). */
  halt(reason: string, by: string, at: Date): BreakerTransition[] {
    if (this.state.state === 'halted') {
      throw new OrdersError(
        'ALREADY_HALTED',
        `trading is already halted by ${this.state.changedBy ?? 'an admin'}`,
        {
          haltedBy: this.state.changedBy,
        },
      );
    }
    return [this.move('halted', at, reason, by)];
  }

  /** Lifts a halt: trading resumes closed with a fresh count. Refuses when not halted (NOT_HALTED). */
  resume(by: string, at: Date, why: string | null = null): BreakerTransition[] {
    if (this.state.state !== 'halted') {
      throw new OrdersError('NOT_HALTED', `trading is not halted (breaker ${this.state.state})`, {
        state: this.state.state,
      });
    }
    return [
      this.move('closed', at, why ? `resumed by ${by}: ${why}` : `resumed by ${by}`, by, {
        consecutiveFailures: 0,
        lastError: null,
      }),
    ];
  }

  private coolDownOver(now: Date): boolean {
    return now.getTime() >= this.retryAt().getTime();
  }

  private retryAt(): Date {
    return new Date((this.state.changedAt?.getTime() ?? 0) + this.settings.coolDownMs);
  }

  private move(
    to: BreakerState,
    at: Date,
    reason: string,
    by: string | null,
    update: Partial<BreakerSnapshot> = {},
  ): BreakerTransition {
    const from = this.state.state;
    this.state = {
      ...this.state,
      ...update,
      state: to,
      reason: to === 'closed' ? null : reason,
      changedBy: by,
      changedAt: at,
      probeInFlight: false,
    };
    return { from, to, at, reason, by, consecutiveFailures: this.state.consecutiveFailures };
  }
}
