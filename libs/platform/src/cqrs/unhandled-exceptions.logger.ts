import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { UnhandledExceptionBus, type UnhandledExceptionInfo } from '@nestjs/cqrs';
import { Counter, Registry } from 'prom-client';
import type { Subscription } from 'rxjs';

/** Counts the exceptions of CQRS event handlers and sagas, which the buses would otherwise swallow. */
export class CqrsMetrics {
  readonly unhandledExceptions: Counter<'cause'>;

  constructor(readonly registry: Registry = new Registry()) {
    this.unhandledExceptions = new Counter({
      name: 'nexwave_cqrs_unhandled_exceptions_total',
      help: 'Exceptions thrown by CQRS event handlers and sagas, by the event or command that caused them',
      labelNames: ['cause'],
      registers: [registry],
    });
  }
}

/**
 * The one subscriber of `UnhandledExceptionBus` (event handlers and sagas run detached from
 * whoever published, so their errors land there): logs each with the message that caused it and
 * counts it by that message's class.
 */
@Injectable()
export class UnhandledExceptionsLogger implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('UnhandledCqrsException');
  private subscription: Subscription | null = null;

  constructor(
    private readonly bus: UnhandledExceptionBus,
    private readonly metrics: CqrsMetrics,
  ) {}

  onModuleInit(): void {
    this.subscription = this.bus.subscribe((info) => this.report(info));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private report(info: UnhandledExceptionInfo): void {
    const exception: unknown = info.exception;
    const name = causeName(info.cause);
    this.metrics.unhandledExceptions.inc({ cause: name });
    this.logger.error({ err: exception, cause: name }, `unhandled exception handling ${name}`);
  }
}

/** The event or command's class; a saga whose own stream failed is reported by its name. */
function causeName(cause: unknown): string {
  if (typeof cause === 'string') {
    return cause;
  }
  return (cause as object | null)?.constructor?.name ?? 'unknown';
}
