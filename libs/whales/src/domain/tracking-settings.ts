import { ActivityTrackerOptions } from './activity-tracker';
import { DetectionRules } from './detection-rules';

/** The tracker's settings apart from its rules. */
export interface TrackingSettings {
  /**
   * An activity unseen this long is closed (never less than two detection runs). A time, not a
   * number of runs: a whale leaves the ten levels shown and comes back as the price moves.
   */
  readonly gracePeriodMs: number;
  readonly priceTolerance: number;
  readonly keepSizeVsMedian: number;
  readonly materialChange: number;
  readonly updateAlertIntervalMs: number;
}

/**
 * Tuned with the ground-truth evaluator (`npm run bench whales`, figures in docs/architecture.md),
 * not by hand.
 */
export const DEFAULT_TRACKING_SETTINGS: TrackingSettings = {
  gracePeriodMs: 15_000,
  priceTolerance: 0.002,
  keepSizeVsMedian: 1.5,
  materialChange: 0.5,
  updateAlertIntervalMs: 300_000,
};

export function trackerOptions(
  rules: DetectionRules,
  detectionIntervalMs: number,
  newId: (firstSeenAt: Date) => string,
  settings: TrackingSettings = DEFAULT_TRACKING_SETTINGS,
): ActivityTrackerOptions {
  return {
    ...settings,
    rules,
    newId,
    gracePeriodMs: Math.max(settings.gracePeriodMs, 2 * detectionIntervalMs),
  };
}
