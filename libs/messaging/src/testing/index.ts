export * from './message-recorder';
export * from './redis-server';
export * from './golden-fixtures';
