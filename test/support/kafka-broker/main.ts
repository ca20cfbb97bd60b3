import { startKafkaTestBroker } from './kafka-test-broker';

/** Standalone runner: `npm run kafka:test-broker` (KAFKA_TEST_BROKER_PORT, default 9092). */
async function main(): Promise<void> {
  const port = Number(process.env.KAFKA_TEST_BROKER_PORT ?? 9092);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `KAFKA_TEST_BROKER_PORT must be a port number, got "${process.env.KAFKA_TEST_BROKER_PORT}"`,
    );
  }
  const broker = await startKafkaTestBroker({
    port,
    log: (message) => console.warn(`[kafka-test-broker] ${message}`),
  });
  console.log(
    `[kafka-test-broker] listening on ${broker.brokers.join(',')} (in-memory, node id 0)`,
  );
  const shutdown = (signal: NodeJS.Signals) => {
    console.log(`[kafka-test-broker] ${signal}: stopping`);
    broker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error('[kafka-test-broker] failed to start:', error);
  process.exit(1);
});
