import type { Signal } from '../strategy';

export const STRATEGY_STATES = ['running', 'paused'] as const;

/** running: enters and exits; paused: no new entries, exits (stop loss, take profit, strategy exits) still go out. */
export type StrategyState = (typeof STRATEGY_STATES)[number];

/** Whether an instance may enter, and who last changed that, when and why. */
export interface StrategyControl {
  readonly state: StrategyState;
  /** Why it was paused; null while running. */
  readonly pausedReason: string | null;
  readonly changedBy: string | null;
  readonly updatedAt: Date;
}

export function runningSince(now: Date): StrategyControl {
  return { state: 'running', pausedReason: null, changedBy: null, updatedAt: now };
}

/** Paused with `reason`; pausing a paused instance keeps its first pause (who, when, why). */
export function pause(
  control: StrategyControl,
  reason: string | null,
  changedBy: string | null,
  now: Date,
): StrategyControl {
  if (control.state === 'paused') {
    return control;
  }
  return { state: 'paused', pausedReason: reason, changedBy, updatedAt: now };
}

/** Running again; resuming a running instance changes nothing. */
export function resume(
  control: StrategyControl,
  changedBy: string | null,
  now: Date,
): StrategyControl {
  if (control.state === 'running') {
    return control;
  }
  return { state: 'running', pausedReason: null, changedBy, updatedAt: now };
}

/**
 * Whether the engine acts on a signal: a paused instance still exits what it holds (a stop loss
 * must never wait for a resume) but opens nothing new.
 */
export function admits(control: StrategyControl, signal: Pick<Signal, 'intent'>): boolean {
  return control.state === 'running' || signal.intent === 'exit';
}
