// The whales context's public surface: its modules, commands, events, queries with their results and errors.
// Internals for benches and tests: @nexwave/whales/testing.
export * from './whales.module';
export * from './whales-query.module';
export * from './whales-subscriptions.module';
export { DispatchAlertsCommand } from './application/commands/dispatch-alerts.command';
export { ForgetTradePricesCommand } from './application/commands/forget-trade-prices.command';
export { MeasureImpactCommand } from './application/commands/measure-impact.command';
export { RecordTradePriceCommand } from './application/commands/record-trade-price.command';
export { RecordWhaleActivitiesCommand } from './application/commands/record-whale-activities.command';
export { ScheduleImpactMeasurementCommand } from './application/commands/schedule-impact-measurement.command';
export { WhaleDetectedEvent } from './application/events/whale-detected.event';
export { ListWhaleActivitiesQuery } from './application/queries/list-whale-activities.query';
export { GetWhaleImpactQuery } from './application/queries/get-whale-impact.query';
export type {
  WhaleActivityView,
  WhaleImpactAverage,
} from './application/queries/whale-read-model.port';
export { WhalesQueryError } from './application/queries/whales-query.errors';
export { WhalesError } from './domain/whales.errors';
export type { WhalesErrorCode } from './domain/whales.errors';
export type { WhaleKind } from './domain/whale-candidate';
