import type { Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';

import { APP_CONFIG, ConfigError, type AppConfig } from '@nexwave/config';
import { Decimal, systemClock } from '@nexwave/core';
import { MessageBusPort, OutboxWriter } from '@nexwave/messaging';
import { PACIFICA_ENDPOINTS, PacificaRestClient, type PacificaEndpoints } from '@nexwave/pacifica';

import { CandleHistoryPort } from '../application/ports/candle-history.port';
import { MarketLotsPort } from '../application/ports/market-lots.port';
import { PerformanceRepository } from '../application/ports/performance.repository.port';
import { RiskCheckPort } from '../application/ports/risk-check.port';
import { SignalRepository } from '../application/ports/signal.repository.port';
import { StrategyClockPort } from '../application/ports/strategy-clock.port';
import { StrategyInstanceRepository } from '../application/ports/strategy-instance.repository.port';
import { STRATEGY_APPLICATION_PROVIDERS } from '../application/strategy-application.providers';
import { StrategyRuntime } from '../application/strategy-runtime';
import { StrategyBook } from '../domain/engine/strategy-book';
import type { Strategy } from '../domain/strategy';
import { createStrategy, strategyNames, strategyParameters } from '../domain/strategy-registry';
import { StrategyError } from '../domain/strategy.errors';
import { HttpCandleHistoryAdapter } from './market-data/http-candle-history.adapter';
import { ownHttpServerUrl } from './market-data/own-http-server-url';
import { PacificaMarketLotsAdapter } from './markets/pacifica-market-lots.adapter';
import { StrategySignalEntity } from './persistence/strategy-signal.entity';
import { TypeOrmPerformanceRepository } from './persistence/typeorm-performance.repository';
import { TypeOrmSignalRepository } from './persistence/typeorm-signal.repository';
import { MessageRiskCheckAdapter } from './risk/message-risk-check.adapter';
import { StrategyStartUp } from './strategy-start-up';

/** What the strategy context reads of the config. */
type StrategyConfig = Pick<AppConfig, 'trading'>;

/** Market orders may fill this far (percent) from the price the strategy decided at. */
const SLIPPAGE_PERCENT = '0.5';
/** Signals risk has not answered are asked about again this often (they expire after a candle). */
const PENDING_RETRY_MS = 5_000;
const WARM_UP_BACKOFF = { baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Provided (true) by an app that serves market-data's REST API itself, the all-in-one: without
 * MARKET_DATA_API_URL the strategy warms up from this app's own HTTP server once it listens.
 */
export const MARKET_DATA_API_IN_THIS_APP = Symbol('MARKET_DATA_API_IN_THIS_APP');

/**
 * The configured instance (STRATEGY, STRATEGY_ID, STRATEGY_PARAMETERS): built at start-up, so an
 * unknown strategy or invalid parameters fail the boot with a ConfigError naming the variable
 * (config validates only the name's shape: it cannot see the registry).
 */
export function strategyRuntime(config: StrategyConfig): StrategyRuntime {
  const { trading } = config;
  return new StrategyRuntime(
    configuredStrategy(trading),
    new StrategyBook(new Decimal(trading.portfolioValueUsd)),
    { paperTrading: trading.paperTrading, slippagePercent: SLIPPAGE_PERCENT },
    strategyParameters(trading.strategy, trading.strategyParameters),
  );
}

function configuredStrategy(trading: StrategyConfig['trading']): Strategy {
  try {
    return createStrategy(trading.strategy, trading.strategyId, trading.strategyParameters);
  } catch (error) {
    if (!(error instanceof StrategyError)) {
      throw error;
    }
    if (error.code === 'UNKNOWN_STRATEGY') {
      throw new ConfigError([
        `STRATEGY is invalid: no strategy is named "${trading.strategy}" (registered: ${strategyNames().join(', ')})`,
      ]);
    }
    if (error.code === 'INVALID_PARAMETERS') {
      throw new ConfigError([
        `STRATEGY_PARAMETERS is invalid for ${trading.strategy}: ${String(error.details['issues'])}`,
      ]);
    }
    throw error;
  }
}

/**
 * The runtime, registered in strategy_instances before any handler can use it: it starts with its
 * stored control, so an instance paused before a restart never enters in between.
 */
async function registeredRuntime(
  config: StrategyConfig,
  instances: StrategyInstanceRepository,
): Promise<StrategyRuntime> {
  const runtime = strategyRuntime(config);
  await runtime.register(instances, systemClock.now());
  return runtime;
}

/**
 * The strategy context's wiring; at start-up the instance is registered (StrategyReadModule's
 * StrategyInstanceRepository), the book is rebuilt and, when MARKET_DATA_API_URL is set (or the
 * app serves market data itself), the strategy warms up in the background. Needs from the app: a
 * DataSource with STRATEGY_ENTITIES,
 * OutboxWriter and MessageBusPort (MessagingModule with an outbox), PACIFICA_ENDPOINTS, and a
 * responder to risk.checks.v1 (RiskModule, in this app or another).
 */
export const STRATEGY_PROVIDERS: Provider[] = [
  ...STRATEGY_APPLICATION_PROVIDERS,
  { provide: StrategyClockPort, useValue: systemClock },
  {
    provide: StrategyRuntime,
    useFactory: registeredRuntime,
    inject: [APP_CONFIG, StrategyInstanceRepository],
  },
  {
    provide: SignalRepository,
    useFactory: (signals: Repository<StrategySignalEntity>, outbox: OutboxWriter) =>
      new TypeOrmSignalRepository(signals, outbox),
    inject: [getRepositoryToken(StrategySignalEntity), OutboxWriter],
  },
  {
    provide: PerformanceRepository,
    useFactory: (dataSource: DataSource) => new TypeOrmPerformanceRepository(dataSource),
    inject: [DataSource],
  },
  {
    provide: MarketLotsPort,
    useFactory: (endpoints: PacificaEndpoints) =>
      new PacificaMarketLotsAdapter(new PacificaRestClient({ baseUrl: endpoints.restUrl })),
    inject: [PACIFICA_ENDPOINTS],
  },
  {
    provide: CandleHistoryPort,
    useFactory: (config: StrategyConfig, http: HttpAdapterHost, own?: true) =>
      new HttpCandleHistoryAdapter(
        () => config.trading.marketDataApiUrl ?? (own ? ownHttpServerUrl(http) : undefined),
      ),
    inject: [APP_CONFIG, HttpAdapterHost, { token: MARKET_DATA_API_IN_THIS_APP, optional: true }],
  },
  {
    provide: StrategyStartUp,
    useFactory: (
      config: StrategyConfig,
      commands: CommandBus,
      markets: MarketLotsPort,
      own?: true,
    ) =>
      new StrategyStartUp(
        commands,
        markets,
        {
          warmUp: config.trading.marketDataApiUrl !== undefined || own === true,
          symbols: config.trading.symbols,
          pendingRetryMs: PENDING_RETRY_MS,
          warmUpBackoff: WARM_UP_BACKOFF,
        },
        systemClock,
      ),
    inject: [
      APP_CONFIG,
      CommandBus,
      MarketLotsPort,
      { token: MARKET_DATA_API_IN_THIS_APP, optional: true },
    ],
  },
  {
    provide: RiskCheckPort,
    useFactory: (bus: MessageBusPort) => new MessageRiskCheckAdapter(bus),
    inject: [MessageBusPort],
  },
];
