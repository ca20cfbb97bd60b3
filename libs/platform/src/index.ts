// What the apps are built from; the rest of libs/platform is its own wiring.
export { bootstrap, createApp } from './bootstrap';
export type { AppDefinition } from './bootstrap';
export type { PortClaim } from './listen-ports';
export { platformImports } from './platform.imports';
export { authModule } from './auth.imports';
export { ApiErrorsModule } from './errors/api-errors.module';
export { CqrsErrorsModule } from './cqrs/cqrs-errors.module';
export { CqrsMetrics } from './cqrs/unhandled-exceptions.logger';
export { exchangeEndpointsModule } from './exchange.imports';
export { graphqlModule } from './graphql.module';
export type { GraphqlModuleOptions } from './graphql.module';
export { printGraphqlSchema } from './graphql-schema';
