import { ActivityTrackerOptions } from './activity-tracker';
import { DetectionRules } from './detection-rules';

/** The tracker's settings apart from its rules, grace period in detection runs. */
export interface TrackingSettings {
  /** An activity unseen for this many detection runs is closed. */
  readonly graceDetectionRuns: number;
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
  graceDetectionRuns: 3,
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
  const { graceDetectionRuns, ...rest } = settings;
  return { rules, newId, gracePeriodMs: graceDetectionRuns * detectionIntervalMs, ...rest };
}
