export * from './message-recorder';
export * from './redis-server';
export * from './golden-fixtures';
export { InMemoryBroker } from '../memory/in-memory-broker';
export { MemoryStreamAdapter } from '../streams/memory-stream.adapter';
export { RedisStreamAdapter } from '../streams/redis-stream.adapter';
export { parseMessage } from '../consumer/consumer-pipeline';
export * from './kafka-protocol';
export { KAFKA_DEFAULTS } from '../kafka/kafka-transport.server';
