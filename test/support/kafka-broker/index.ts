export { startKafkaTestBroker } from './kafka-test-broker';
export type { KafkaTestBroker, KafkaTestBrokerOptions } from './kafka-test-broker';
