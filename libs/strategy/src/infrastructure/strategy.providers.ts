import type { Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '@nexwave/config';
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
import { createStrategy, strategyParameters } from '../domain/strategy-registry';
import { HttpCandleHistoryAdapter } from './market-data/http-candle-history.adapter';
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

/**
 * The configured instance (STRATEGY, STRATEGY_ID, STRATEGY_PARAMETERS): built at start-up, so an
 * unknown strategy or invalid parameters fail the boot with a StrategyError naming each issue.
 */
export function strategyRuntime(config: StrategyConfig): StrategyRuntime {
  const { trading } = config;
  return new StrategyRuntime(
    createStrategy(trading.strategy, trading.strategyId, trading.strategyParameters),
    new StrategyBook(new Decimal(trading.portfolioValueUsd)),
    { paperTrading: trading.paperTrading, slippagePercent: SLIPPAGE_PERCENT },
    strategyParameters(trading.strategy, trading.strategyParameters),
  );
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
 * StrategyInstanceRepository), the book is rebuilt and, when MARKET_DATA_API_URL is set, the
 * strategy warms up. Needs from the app: a DataSource with STRATEGY_ENTITIES,
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
    useFactory: (config: StrategyConfig) =>
      new HttpCandleHistoryAdapter(config.trading.marketDataApiUrl),
    inject: [APP_CONFIG],
  },
  {
    provide: StrategyStartUp,
    useFactory: (config: StrategyConfig, commands: CommandBus, markets: MarketLotsPort) =>
      new StrategyStartUp(
        commands,
        markets,
        { warmUp: config.trading.marketDataApiUrl !== undefined, symbols: config.trading.symbols },
        systemClock,
      ),
    inject: [APP_CONFIG, CommandBus, MarketLotsPort],
  },
  {
    provide: RiskCheckPort,
    useFactory: (bus: MessageBusPort) => new MessageRiskCheckAdapter(bus),
    inject: [MessageBusPort],
  },
];
