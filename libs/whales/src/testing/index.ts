// Internals of the whales context that benches and tests drive directly.
export { ActivityTracker } from '../domain/activity-tracker';
export { detectWhales } from '../domain/detect-whales';
export { detectionRules } from '../domain/detection-rules';
export type { Level, OrderBookSnapshot } from '../domain/order-book';
export { ImpactMeasurer } from '../application/impact/impact-measurer';
export { WhalesClockPort } from '../application/ports/whales-clock.port';
