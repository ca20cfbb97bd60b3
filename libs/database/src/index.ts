export * from './data-source';
export * from './database.module';
export * from './database.options';
export * from './embedded-timescale';
export * from './migrate';
export * from './statement-timeout';
