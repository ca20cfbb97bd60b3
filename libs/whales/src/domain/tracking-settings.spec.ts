import { detectionRules } from './detection-rules';
import { DEFAULT_TRACKING_SETTINGS, trackerOptions, TrackingSettings } from './tracking-settings';

const rules = detectionRules({ thresholdUsd: 25_000 });
const newId = () => 'activity-1';

describe('trackerOptions', () => {
  it('passes the default settings, the rules and the id source to the tracker', () => {
    expect(trackerOptions(rules, 1_000, newId)).toEqual({
      rules,
      newId,
      gracePeriodMs: 15_000,
      priceTolerance: 0.002,
      keepSizeVsMedian: 1.5,
      materialChange: 0.5,
      updateAlertIntervalMs: 300_000,
    });
  });

  it('passes settings it is given', () => {
    const settings: TrackingSettings = {
      gracePeriodMs: 30_000,
      priceTolerance: 0.01,
      keepSizeVsMedian: 2,
      materialChange: 0.25,
      updateAlertIntervalMs: 60_000,
    };
    expect(trackerOptions(rules, 1_000, newId, settings)).toEqual({ ...settings, rules, newId });
  });

  it.each([
    ['the grace period when it spans two detection runs', 7_500, 15_000],
    ['two detection runs when the grace period is shorter', 10_000, 20_000],
  ])('keeps %s', (_case, detectionIntervalMs, expected) => {
    expect(
      trackerOptions(rules, detectionIntervalMs, newId, DEFAULT_TRACKING_SETTINGS).gracePeriodMs,
    ).toBe(expected);
  });
});
