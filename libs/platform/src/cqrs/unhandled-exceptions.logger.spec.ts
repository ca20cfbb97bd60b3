import { Injectable, type LoggerService } from '@nestjs/common';
import {
  Command,
  CommandHandler,
  CqrsModule,
  EventBus,
  EventsHandler,
  ofType,
  Saga,
  type ICommandHandler,
  type IEvent,
  type IEventHandler,
} from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { map, type Observable } from 'rxjs';

import { CqrsErrorsModule } from './cqrs-errors.module';
import { CqrsMetrics } from './unhandled-exceptions.logger';

class SomethingHappenedEvent implements IEvent {}
class SagaFailedEvent implements IEvent {}
class RepairCommand extends Command<void> {}

@CommandHandler(RepairCommand)
class FailingCommandHandler implements ICommandHandler<RepairCommand> {
  execute(): Promise<void> {
    return Promise.reject(new Error('command broke'));
  }
}

@EventsHandler(SomethingHappenedEvent)
class FailingHandler implements IEventHandler<SomethingHappenedEvent> {
  handle(): void {
    throw new Error('handler broke');
  }
}

@Injectable()
class FailingSaga {
  @Saga()
  broken = (events$: Observable<IEvent>): Observable<RepairCommand> =>
    events$.pipe(
      ofType(SagaFailedEvent),
      map(() => new RepairCommand()),
    );
}

class CapturingLogger implements LoggerService {
  readonly errors: unknown[][] = [];
  log(): void {}
  warn(): void {}
  error(...parts: unknown[]): void {
    this.errors.push(parts);
  }
}

async function count(metrics: CqrsMetrics, cause: string): Promise<number> {
  const { values } = await metrics.unhandledExceptions.get();
  return values.find((sample) => sample.labels.cause === cause)?.value ?? 0;
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met within 5 s');
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('UnhandledExceptionsLogger', () => {
  it('logs and counts what event handlers and sagas throw, once each, with the cause', async () => {
    const logger = new CapturingLogger();
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsErrorsModule, CqrsModule],
      providers: [FailingHandler, FailingSaga, FailingCommandHandler],
    }).compile();
    moduleRef.useLogger(logger);
    const app = await moduleRef.createNestApplication({ logger }).init();
    try {
      const metrics = app.get(CqrsMetrics);
      const events = app.get(EventBus);

      events.publish(new SomethingHappenedEvent());
      await eventually(async () => (await count(metrics, 'SomethingHappenedEvent')) === 1);
      events.publish(new SagaFailedEvent());
      await eventually(async () => (await count(metrics, 'RepairCommand')) === 1);

      const lines = logger.errors.map((parts) =>
        JSON.stringify(parts, (_key, value: unknown) =>
          value instanceof Error ? value.message : value,
        ),
      );
      const reported = lines.filter((line) => line.includes('unhandled exception handling'));
      expect(reported).toHaveLength(2);
      expect(reported[0]).toContain('SomethingHappenedEvent');
      expect(reported[0]).toContain('handler broke');
      expect(reported[1]).toContain('RepairCommand');
      expect(reported[1]).toContain('command broke');
    } finally {
      await app.close();
    }
  });
});
