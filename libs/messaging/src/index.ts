// Messaging's public surface: the bus port and module, contracts and topics, the consumer
// decorator and context, streams, outbox writer, inbox port, errors. Transports and adapters stay
// inside; tests and benches reach the in-memory broker and stream adapters via @nexwave/messaging/testing.
export * from './consumer/message-consumer.decorator';
export * from './consumer/message-context';
export * from './consumer/retry-policy';
export * from './contracts';
export * from './dead-letter';
export * from './envelope';
export * from './inbox/inbox.port';
export * from './message-bus.port';
export * from './messaging-metrics';
export { KafkaMonitor } from './kafka/kafka-monitor';
export * from './messaging.errors';
export * from './messaging.module';
export * from './messaging.options';
export * from './topics';
export * from './streams/contract-stream.reader';
export * from './streams/process-group';
export * from './streams/stream-entry.codec';
export * from './streams/stream-names';
export * from './streams/stream-metrics';
export * from './streams/stream.port';
export * from './streams/streams.module';
export * from './outbox/outbox-writer';
export * from './messaging.entities';
