// Internals of the whales context that benches and tests drive directly.
export { ActivityTracker } from '../domain/activity-tracker';
export { detectWhales } from '../domain/detect-whales';
export { detectionRules } from '../domain/detection-rules';
export type { DetectionRulesOverrides } from '../domain/detection-rules';
export {
  DEFAULT_TRACKING_SETTINGS,
  trackerOptions,
  type TrackingSettings,
} from '../domain/tracking-settings';
export type { Level, OrderBookSnapshot } from '../domain/order-book';
export { stressBooks, type StressBooksOptions } from '../domain/testing/stress-books';
export { ImpactMeasurer } from '../application/impact/impact-measurer';
export { WhalesClockPort } from '../application/ports/whales-clock.port';
export { InMemoryAlertOutbox } from './in-memory-alert.outbox';
export { InMemoryImpactStore } from './in-memory-impact.store';
export { InMemoryTradePriceLog } from './in-memory-trade-price.log';
export { InMemoryWhaleActivityStore } from './in-memory-whale-activity.store';
export { RecordingAlertChannel } from './recording-alert.channel';
export { runGroundTruth } from './evaluation/ground-truth-run';
export { SimulatedBooks } from './evaluation/simulated-books';
export type { GroundTruthRun, GroundTruthRunOptions } from './evaluation/ground-truth-run';
export type { DetectionScore } from './evaluation/detection-score';
