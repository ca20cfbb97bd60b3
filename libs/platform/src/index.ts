export * from './bootstrap';
export * from './health.module';
export * from './logger.module';
export * from './swagger';
export * from './platform.imports';
export * from './exchange.imports';
export * from './graphql.module';
export * from './graphql-schema';
