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
export * from './whales-query.module';
export { TokenBucket } from './domain/token-bucket';
export type { TokenBucketOptions } from './domain/token-bucket';
export { alertRetryDelayMs, MAX_ALERT_ATTEMPTS } from './domain/alert-retry';
export { WhaleDetectionService } from './application/detection/whale-detection.service';
export type {
  DetectionRound,
  WhaleDetectionOptions,
} from './application/detection/whale-detection.service';
export { AlertDispatcher } from './application/alerts/alert-dispatcher';
export type { DispatchRound } from './application/alerts/alert-dispatcher';
export { ImpactMeasurer } from './application/impact/impact-measurer';
export type { ImpactMeasurerOptions, ImpactRound } from './application/impact/impact-measurer';
export { WhalesClockPort } from './application/ports/whales-clock.port';
export { ALERT_CHANNELS } from './application/ports/alert-channel.port';
export type { AlertChannelName } from './application/ports/alert-channel.port';
export { ListWhaleActivitiesQuery } from './application/queries/list-whale-activities.query';
export { GetWhaleImpactQuery } from './application/queries/get-whale-impact.query';
export type {
  WhaleActivityView,
  WhaleImpactAverage,
} from './application/queries/whale-read-model.port';
export { WhalesQueryError } from './application/queries/whales-query.errors';
