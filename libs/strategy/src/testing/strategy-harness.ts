import type { LoggerService } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';

import { Decimal } from '@nexwave/core';
import { FixedClock } from '@nexwave/core/testing';

import { CandleHistoryPort } from '../application/ports/candle-history.port';
import { MarketLotsPort } from '../application/ports/market-lots.port';
import { PerformanceRepository } from '../application/ports/performance.repository.port';
import { RiskCheckPort } from '../application/ports/risk-check.port';
import { SignalRepository } from '../application/ports/signal.repository.port';
import { StrategyClockPort } from '../application/ports/strategy-clock.port';
import { StrategyInstanceRepository } from '../application/ports/strategy-instance.repository.port';
import { STRATEGY_APPLICATION_PROVIDERS } from '../application/strategy-application.providers';
import { StrategyRuntime, type EngineSettings } from '../application/strategy-runtime';
import { StrategyMetrics } from '../application/strategy.metrics';
import { StrategyBook } from '../domain/engine/strategy-book';
import { createStrategy, strategyParameters } from '../domain/strategy-registry';
import { FakeCandleHistory } from './fake-candle-history';
import { FakeRiskCheck } from './fake-risk-check';
import { FixedMarketLots } from './fixed-market-lots';
import { InMemoryPerformanceRepository } from './in-memory-performance.repository';
import { InMemorySignalRepository } from './in-memory-signal.repository';
import { InMemoryStrategyInstanceRepository } from './in-memory-strategy-instance.repository';

const NOW = new Date('2026-01-16T00:00:00Z');

export interface StrategyHarnessOptions {
  readonly strategy?: string;
  readonly strategyId?: string;
  readonly parameters?: Record<string, unknown>;
  readonly portfolioValueUsd?: string;
  readonly lots?: MarketLotsPort;
  readonly settings?: Partial<EngineSettings>;
  /** A store kept from an earlier harness: a restart. */
  readonly signals?: InMemorySignalRepository;
  /** Performance storage: kept from an earlier harness (a restart) or a real one; else in memory. */
  readonly performance?: PerformanceRepository;
  /** Instances kept from an earlier harness: a restart. */
  readonly instances?: InMemoryStrategyInstanceRepository;
  /** Where the handlers' logs go; none by default. */
  readonly logger?: LoggerService;
}

/**
 * The strategy command handlers on a real CommandBus over in-memory signals (whose `requests`
 * are the outbox), performance and instances, a FakeRiskCheck, a FakeCandleHistory, fixed lots
 * and a clock the test moves. The instance is registered, as at start-up.
 */
export class StrategyHarness {
  private constructor(
    private readonly moduleRef: TestingModule,
    readonly runtime: StrategyRuntime,
    readonly signals: InMemorySignalRepository,
    readonly instances: InMemoryStrategyInstanceRepository,
    readonly risk: FakeRiskCheck,
    readonly history: FakeCandleHistory,
    readonly performance: PerformanceRepository,
    readonly clock: FixedClock,
  ) {}

  static async create(options: StrategyHarnessOptions = {}): Promise<StrategyHarness> {
    const signals = options.signals ?? new InMemorySignalRepository();
    const risk = new FakeRiskCheck();
    const history = new FakeCandleHistory();
    const performance = options.performance ?? new InMemoryPerformanceRepository();
    const instances = options.instances ?? new InMemoryStrategyInstanceRepository();
    const name = options.strategy ?? 'mean_reversion';
    const clock = new FixedClock(NOW);
    const runtime = new StrategyRuntime(
      createStrategy(name, options.strategyId ?? 'mr_test', options.parameters ?? {}),
      new StrategyBook(new Decimal(options.portfolioValueUsd ?? '100000')),
      { paperTrading: true, slippagePercent: '0.5', ...options.settings },
      strategyParameters(name, options.parameters ?? {}),
    );
    await runtime.register(instances, NOW);
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        ...STRATEGY_APPLICATION_PROVIDERS,
        { provide: StrategyRuntime, useValue: runtime },
        { provide: SignalRepository, useValue: signals },
        { provide: PerformanceRepository, useValue: performance },
        { provide: StrategyInstanceRepository, useValue: instances },
        { provide: RiskCheckPort, useValue: risk },
        { provide: CandleHistoryPort, useValue: history },
        { provide: MarketLotsPort, useValue: options.lots ?? new FixedMarketLots() },
        { provide: StrategyClockPort, useValue: clock },
      ],
    }).compile();
    moduleRef.useLogger(options.logger ?? false);
    await moduleRef.init();
    return new StrategyHarness(
      moduleRef,
      runtime,
      signals,
      instances,
      risk,
      history,
      performance,
      clock,
    );
  }

  get commands(): CommandBus {
    return this.moduleRef.get(CommandBus);
  }

  get metrics(): StrategyMetrics {
    return this.moduleRef.get(StrategyMetrics);
  }

  close(): Promise<void> {
    return this.moduleRef.close();
  }
}
