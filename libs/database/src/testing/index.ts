export * from './embedded-child-pid';
export * from './test-database';
export * from './postgres-server';
export * from './template-data-dir';
export * from './errors-only-logger';
export * from './migrated-database';
