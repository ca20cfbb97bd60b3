export * from './embedded-child-pid';
export * from './test-database';
export * from './postgres-server';
