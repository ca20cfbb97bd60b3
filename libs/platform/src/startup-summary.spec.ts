import { loadConfig } from '@nexwave/config';

import { describeStartup } from './startup-summary';

describe('describeStartup', () => {
  it('names the all-in-one defaults', () => {
    expect(describeStartup(loadConfig('nexwave', {}))).toBe(
      'embedded mode, in-memory messages, simulator, paper trading',
    );
  });

  it('names a database server, Kafka, Pacifica and live trading', () => {
    const config = loadConfig('order-management', {
      DATABASE_URL: 'postgres://nexwave@db:5432/nexwave',
      TRANSPORT: 'kafka',
      KAFKA_BROKERS: 'kafka:9092',
      PACIFICA_NETWORK: 'testnet',
    });
    // Live trading also needs a signing key; the summary only reads the flag.
    config.trading = { ...config.trading, paperTrading: false };
    expect(describeStartup(config)).toBe(
      'database at DATABASE_URL, Kafka messages, Pacifica testnet, LIVE trading',
    );
  });

  it('leaves out what the app does not use (the api-gateway reads the exchange, never trades)', () => {
    expect(describeStartup(loadConfig('api-gateway', {}))).toBe(
      'embedded mode, in-memory messages, simulator',
    );
  });
});
