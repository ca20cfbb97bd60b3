export * from './message-recorder';
export * from './redis-server';
