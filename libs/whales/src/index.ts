// The whales context's public surface: its modules, its queries with their results and errors.
// Internals for benches and tests: @nexwave/whales/testing.
export * from './whales.module';
export * from './whales-query.module';
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
