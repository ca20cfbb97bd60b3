import type { Type } from '@nestjs/common';
import { CommandBus, CqrsModule, EventBus, QueryBus, type IEvent } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';

import { RISK_LIMITS } from '../application/commands/risk-limits.token';
import { RiskClockPort } from '../application/ports/risk-clock.port';
import { RiskDecisionRepository } from '../application/ports/risk-decision.repository.port';
import { RISK_APPLICATION_PROVIDERS } from '../application/risk-application.providers';
import { RiskMetrics } from '../application/risk.metrics';
import { DEFAULT_RISK_LIMITS, type RiskLimits } from '../domain/risk-limits';
import { InMemoryRiskDecisionRepository } from './in-memory-risk-decision.repository';

/** A clock a test moves by hand. */
export class ManualRiskClock extends RiskClockPort {
  constructor(private at: Date) {
    super();
  }

  now(): Date {
    return this.at;
  }

  set(at: Date): void {
    this.at = at;
  }
}

export interface RiskHarnessOptions {
  readonly limits?: RiskLimits;
  readonly start?: Date;
  /** The storage a previous harness used: a new harness over it is a restarted service. */
  readonly decisions?: InMemoryRiskDecisionRepository;
}

/**
 * The risk command and query handlers on real CQRS buses, over the in-memory repository and a
 * manual clock; `published` is everything the EventBus carried.
 */
export class RiskHarness {
  readonly published: IEvent[] = [];

  private constructor(
    private readonly moduleRef: TestingModule,
    readonly decisions: InMemoryRiskDecisionRepository,
    readonly clock: ManualRiskClock,
  ) {
    moduleRef.get(EventBus).subscribe((event) => this.published.push(event));
  }

  static async create(options: RiskHarnessOptions = {}): Promise<RiskHarness> {
    const decisions = options.decisions ?? new InMemoryRiskDecisionRepository();
    const clock = new ManualRiskClock(options.start ?? new Date('2026-03-10T12:00:00.000Z'));
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        ...RISK_APPLICATION_PROVIDERS,
        { provide: RiskDecisionRepository, useValue: decisions },
        { provide: RiskClockPort, useValue: clock },
        { provide: RISK_LIMITS, useValue: options.limits ?? DEFAULT_RISK_LIMITS },
      ],
    }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    return new RiskHarness(moduleRef, decisions, clock);
  }

  /** The context's metrics (on a registry of their own: the harness has no app registry). */
  get metrics(): RiskMetrics {
    return this.moduleRef.get(RiskMetrics);
  }

  get commands(): CommandBus {
    return this.moduleRef.get(CommandBus);
  }

  get queries(): QueryBus {
    return this.moduleRef.get(QueryBus);
  }

  /** The EventBus events of one class, in order. */
  publishedOf<E extends IEvent>(type: Type<E>): E[] {
    return this.published.filter((event): event is E => event instanceof type);
  }

  close(): Promise<void> {
    return this.moduleRef.close();
  }
}
