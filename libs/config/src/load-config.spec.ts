import { ConfigError, loadConfig, secretValues } from './load-config';
import { redact, REDACTED } from './secrets';

const KEY =
  '49W385L4rePHy6PAaQUovbD2aacgN4HsKXSMeUzRg4fmwXszN91JuMFrQRj3vMDpZuRF3ZknQBuRBoWQJEfXstMw';

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives the embedded, paper-trading defaults on an empty environment', () => {
    const config = loadConfig('nexwave', {});
    expect(config.app.port).toBe(3000);
    expect(config.database).toEqual({
      url: undefined,
      poolSize: 10,
      schemaWaitSeconds: 300,
      embeddedDataDir: '.nexwave/pgdata',
      embeddedPort: 0,
    });
    expect(config.marketData).toEqual({
      tickSpoolDir: '.nexwave/spool/ticks',
      tickSpoolMaxBytes: 256 * 2 ** 20,
      recordBooks: null,
    });
    expect(config.candleApi).toEqual({ cacheCandles: 200_000 });
    expect(config.messaging.transport).toBe('memory');
    expect(config.pacifica.network).toBe('sim');
    expect(config.trading.paperTrading).toBe(true);
    expect(config.trading.portfolioValueUsd).toBe(100_000);
    expect(config.orders.breaker).toEqual({ failureThreshold: 5, coolDownMs: 30_000 });
    expect(config.trading.paperStartingBalanceUsd).toBe(100_000);
    expect(config.trading.paperBookMaxAgeMs).toBe(30_000);
    expect(config.risk).toEqual({
      maxPositionUsd: 1_000_000,
      maxLeverage: 5,
      dailyLossLimitPct: 5,
      minOrderUsd: 10,
      maxOrderUsd: 100_000,
    });
    expect(config.whales.thresholdUsd).toBe(25_000);
    expect(config.whales.detectionIntervalSeconds).toBe(5);
    expect(config.whales.telegram).toBeUndefined();
  });

  it('bounds the candle cache of the apps serving candles (0 turns it off)', () => {
    expect(loadConfig('api-gateway', { CANDLE_CACHE_CANDLES: '0' }).candleApi.cacheCandles).toBe(0);
    expect(problemOf(() => loadConfig('api-gateway', { CANDLE_CACHE_CANDLES: '-1' }))).toContain(
      'CANDLE_CACHE_CANDLES',
    );
  });

  it('leaves the API open to market-data reads, with 15-minute JWTs, by default', () => {
    expect(loadConfig('api-gateway', {}).auth).toEqual({
      required: false,
      adminApiKey: undefined,
      jwtSecret: undefined,
      jwtTtlSeconds: 900,
    });
  });

  it('takes a well-formed ADMIN_API_KEY and marks the auth secrets secret', () => {
    const adminApiKey = `nxk_0123456789abcdef_${'x'.repeat(43)}`;
    const jwtSecret = 's'.repeat(32);
    const env = { ADMIN_API_KEY: adminApiKey, JWT_SECRET: jwtSecret, API_AUTH_REQUIRED: 'true' };
    expect(loadConfig('nexwave', env).auth).toMatchObject({
      required: true,
      adminApiKey,
      jwtSecret,
    });
    expect(secretValues('api-gateway', env)).toEqual([adminApiKey, jwtSecret]);
    const message = problemOf(() => loadConfig('api-gateway', { ADMIN_API_KEY: 'nxk_hunter2' }));
    expect(message).not.toContain('hunter2');
  });

  it('accepts any strategy name for STRATEGY: the engine checks it against its registry', () => {
    expect(loadConfig('trading-engine', { STRATEGY: 'ma_crossover' }).trading.strategy).toBe(
      'ma_crossover',
    );
  });

  it('bounds how long a split app waits for the migrate step', () => {
    const env = { DATABASE_SCHEMA_WAIT_SECONDS: '30' };
    expect(loadConfig('order-management', env).database.schemaWaitSeconds).toBe(30);
    expect(
      problemOf(() => loadConfig('order-management', { DATABASE_SCHEMA_WAIT_SECONDS: '0' })),
    ).toContain('DATABASE_SCHEMA_WAIT_SECONDS');
  });

  it('validates only what the app uses', () => {
    const config = loadConfig('api-gateway', {
      WHALE_THRESHOLD_USD: 'nonsense',
      MAX_LEVERAGE: 'x',
    });
    expect(config).not.toHaveProperty('whales');
    expect(config).not.toHaveProperty('risk');
    expect(loadConfig('trading-engine', {}).risk.maxLeverage).toBe(5);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT is invalid: .* \(got "abc"\)$/],
    [{ PORT: '70000' }, /PORT is invalid/],
    [{ WHALE_THRESHOLD_USD: '-1' }, /WHALE_THRESHOLD_USD is invalid/],
    [{ TICK_SPOOL_MAX_MB: '0' }, /TICK_SPOOL_MAX_MB is invalid/],
    [{ PAPER_TRADING: 'maybe' }, /PAPER_TRADING is invalid/],
    [
      { STRATEGY_PARAMETERS: '{"lookback":' },
      /STRATEGY_PARAMETERS is invalid: must be a JSON object/,
    ],
    [{ STRATEGY_PARAMETERS: '[20]' }, /STRATEGY_PARAMETERS is invalid: must be a JSON object/],
    [{ STRATEGY: 'Mean Reversion' }, /STRATEGY is invalid: must be a strategy name/],
    [{ SIM_VOLATILITY: '0.5' }, /SIM_VOLATILITY is invalid/],
    [{ BREAKER_FAILURE_THRESHOLD: '2.5' }, /BREAKER_FAILURE_THRESHOLD is invalid/],
    [{ BREAKER_COOL_DOWN_SECONDS: '0' }, /BREAKER_COOL_DOWN_SECONDS is invalid/],
    [{ PAPER_STARTING_BALANCE_USD: '0' }, /PAPER_STARTING_BALANCE_USD is invalid/],
    [{ PAPER_STARTING_BALANCE_USD: 'lots' }, /PAPER_STARTING_BALANCE_USD is invalid/],
    [{ PAPER_BOOK_MAX_AGE_SECONDS: '-5' }, /PAPER_BOOK_MAX_AGE_SECONDS is invalid/],
    [{ TRANSPORT: 'kafka' }, /KAFKA_BROKERS is required when TRANSPORT=kafka/],
    [
      { ADMIN_API_KEY: 'nxk_short' },
      /^Invalid configuration: ADMIN_API_KEY is invalid: must be nxk_/,
    ],
    [{ JWT_SECRET: 'too-short' }, /JWT_SECRET is invalid: must be at least 32 characters$/],
    [{ JWT_TTL_SECONDS: '0' }, /JWT_TTL_SECONDS is invalid/],
    [{ API_AUTH_REQUIRED: 'yes' }, /API_AUTH_REQUIRED is invalid/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL is invalid: must be a postgres:\/\/ URL$/],
    [{ TELEGRAM_BOT_TOKEN: '123:abc' }, /TELEGRAM_CHAT_ID is required/],
    [
      { PAPER_TRADING: 'false' },
      /PACIFICA_AGENT_WALLET_PRIVKEY is required when PAPER_TRADING=false/,
    ],
    [{ MIN_ORDER_SIZE_USD: '500', MAX_ORDER_SIZE_USD: '100' }, /MIN_ORDER_SIZE_USD must be below/],
    [
      { PACIFICA_API_URL: 'http://127.0.0.1:1/api/v1' },
      /PACIFICA_API_URL and PACIFICA_WS_URL must be set together/,
    ],
    [
      { PACIFICA_AGENT_WALLET_PRIVKEY: '1'.repeat(40) },
      /PACIFICA_AGENT_WALLET_PRIVKEY is invalid: Invalid Pacifica key/,
    ],
    [
      {
        PACIFICA_AGENT_WALLET_PRIVKEY: KEY,
        PACIFICA_AGENT_WALLET_PUBKEY: '11111111111111111111111111111111',
      },
      /PACIFICA_AGENT_WALLET_PUBKEY does not match the key \(its address is FVen3X669xLzsi6N2V91DoiyzHzg1uAgqiT8jZ9nS96Z\)/,
    ],
  ])('names the bad variable in one line: %j', (env, expected) => {
    const message = problemOf(() => loadConfig('nexwave', env));
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  it('lists every bad variable at once', () => {
    const message = problemOf(() => loadConfig('nexwave', { PORT: 'x', MAX_LEVERAGE: '0' }));
    expect(message).toMatch(/PORT is invalid.*; MAX_LEVERAGE is invalid/);
  });

  it('never echoes a secret value', () => {
    const message = problemOf(() => loadConfig('nexwave', { DATABASE_URL: 'mysql://u:hunter2@h' }));
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('hunter2');
  });

  it('accepts live trading with a key, and builds network URLs', () => {
    const config = loadConfig('order-management', {
      PAPER_TRADING: 'false',
      PACIFICA_AGENT_WALLET_PRIVKEY: KEY,
      PACIFICA_NETWORK: 'testnet',
    });
    expect(config.trading.paperTrading).toBe(false);
    expect(config.pacifica.apiUrl).toBe('https://test-api.pacifica.fi/api/v1');
    expect(config.pacifica.wsUrl).toBe('wss://test-ws.pacifica.fi/ws');
  });

  it('reads the paper balance in USD and the book age in seconds', () => {
    const config = loadConfig('order-management', {
      PAPER_STARTING_BALANCE_USD: '2500.5',
      PAPER_BOOK_MAX_AGE_SECONDS: '1.5',
    });
    expect(config.trading.paperStartingBalanceUsd).toBe(2500.5);
    expect(config.trading.paperBookMaxAgeMs).toBe(1500);
  });

  it('bounds the tick spool in MiB', () => {
    const config = loadConfig('market-data', {
      TICK_SPOOL_DIR: '/var/spool',
      TICK_SPOOL_MAX_MB: '1.5',
    });
    expect(config.marketData).toMatchObject({
      tickSpoolDir: '/var/spool',
      tickSpoolMaxBytes: 1_572_864,
    });
  });

  it('records books only when RECORD_BOOKS is true, with a bounded throttle and depth', () => {
    expect(
      loadConfig('market-data', { RECORD_BOOKS: 'true', RECORD_BOOKS_LEVELS: '5' }).marketData
        .recordBooks,
    ).toEqual({ intervalMs: 1_000, levels: 5 });
    expect(() => loadConfig('market-data', { RECORD_BOOKS_LEVELS: '11' })).toThrow(
      /RECORD_BOOKS_LEVELS is invalid/,
    );
    expect(() => loadConfig('market-data', { RECORD_BOOKS_INTERVAL_MS: '10' })).toThrow(
      /RECORD_BOOKS_INTERVAL_MS is invalid/,
    );
  });

  it('keeps symbols case-sensitive', () => {
    const config = loadConfig('market-data', { SYMBOLS: 'BTC, kBONK ,kPEPE' });
    expect(config.trading.symbols).toEqual(['BTC', 'kBONK', 'kPEPE']);
  });
});

describe('secrets', () => {
  it('collects secret values and blanks them in text', () => {
    const env = {
      TELEGRAM_BOT_TOKEN: '123:tok',
      TELEGRAM_CHAT_ID: '42',
      PACIFICA_AGENT_WALLET_PRIVKEY: KEY,
    };
    const secrets = secretValues('nexwave', env);
    expect(secrets).toEqual(expect.arrayContaining(['123:tok', KEY]));
    expect(secrets).not.toContain('42');
    expect(redact(`token 123:tok key ${KEY}`, secrets)).toBe(`token ${REDACTED} key ${REDACTED}`);
  });
});
