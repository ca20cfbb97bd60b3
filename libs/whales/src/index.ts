export * from './whales.module';
export { ActivityTracker } from './domain/activity-tracker';
export type {
  ActivityTrackerOptions,
  TrackerUpdate,
  WhaleActivity,
} from './domain/activity-tracker';
export { discordAlert, telegramAlert } from './domain/alert-message';
export type { DiscordAlert, TelegramAlert } from './domain/alert-message';
export { MAX_CONFIDENCE, MIN_CONFIDENCE } from './domain/confidence';
export { detectWhales } from './domain/detect-whales';
export {
  DEFAULT_DETECTION_RULES,
  detectionRules,
  whaleThresholdUsd,
} from './domain/detection-rules';
export type {
  DetectionRules,
  DetectionRulesOverrides,
  LadderRules,
  WhaleThresholds,
} from './domain/detection-rules';
export {
  HEADLINE_IMPACT_HORIZON,
  IMPACT_HORIZONS_MINUTES,
  impactBps,
  impactDueAt,
  nextImpactDueAt,
  pendingImpactHorizons,
} from './domain/market-impact';
export type { ImpactHorizon, PendingImpacts } from './domain/market-impact';
export { referencePrice } from './domain/order-book';
export type { BookSide, Level, OrderBookSnapshot } from './domain/order-book';
export type { WhaleCandidate, WhaleKind } from './domain/whale-candidate';
export { WhalesError } from './domain/whales.errors';
export type { WhalesErrorCode } from './domain/whales.errors';
