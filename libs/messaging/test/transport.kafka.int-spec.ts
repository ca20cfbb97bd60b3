import { kafkaHarness } from './transport-harness';
import { sameHandlersSuite } from './transport.suite';

/** Through the Kafka test broker, or the real Kafka in KAFKA_BROKERS when it is set. */
describe('same handlers through the kafka transport', () => {
  sameHandlersSuite(() => kafkaHarness(process.env.KAFKA_BROKERS));
});
