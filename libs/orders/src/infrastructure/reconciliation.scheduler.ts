import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

import { PeriodicTask } from '@nexwave/core';

import {
  ReconcileOrdersCommand,
  type ReconciliationReport,
  type ReconciliationTrigger,
} from '../application/commands/reconcile-orders.command';
import {
  RECONCILIATION_OPTIONS,
  type ReconciliationOptions,
} from '../application/exchange-updates/reconciliation.options';

/**
 * Reconciles at start-up (right after boot, without holding it up) and then every
 * `intervalMs` after the previous pass ended. Passes never overlap; a failed pass is logged and the
 * next one still comes. Tests call `runOnce()` instead of waiting for the timer.
 */
@Injectable()
export class ReconciliationScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReconciliationScheduler.name);
  private readonly task: PeriodicTask<ReconciliationReport>;
  private trigger: ReconciliationTrigger = 'startup';

  constructor(
    private readonly commands: CommandBus,
    @Inject(RECONCILIATION_OPTIONS) options: ReconciliationOptions,
  ) {
    this.task = new PeriodicTask({
      name: 'orders reconciliation',
      intervalMs: options.intervalMs,
      firstDelayMs: 0,
      logger: this.logger,
      run: () => this.reconcile(),
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  runOnce(): Promise<ReconciliationReport> {
    return this.task.runOnce();
  }

  private reconcile(): Promise<ReconciliationReport> {
    const trigger = this.trigger;
    this.trigger = 'schedule';
    return this.commands.execute(new ReconcileOrdersCommand(trigger));
  }
}
