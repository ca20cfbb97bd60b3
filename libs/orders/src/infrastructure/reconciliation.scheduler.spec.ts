import { CommandHandler, CqrsModule, type ICommandHandler } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';

import {
  ReconcileOrdersCommand,
  type ReconciliationReport,
  type ReconciliationTrigger,
} from '../application/commands/reconcile-orders.command';
import { RECONCILIATION_OPTIONS } from '../application/exchange-updates/reconciliation.options';
import { ReconciliationScheduler } from './reconciliation.scheduler';

const triggers: ReconciliationTrigger[] = [];

@CommandHandler(ReconcileOrdersCommand)
class RecordingReconcileHandler implements ICommandHandler<ReconcileOrdersCommand> {
  execute({ trigger }: ReconcileOrdersCommand): Promise<ReconciliationReport> {
    triggers.push(trigger);
    return Promise.resolve({
      checkedAt: new Date(0),
      fillsApplied: 0,
      ordersCorrected: [],
      unknownOrders: [],
      adoptedOrders: [],
      foreignOrders: [],
      positionDifferences: [],
    });
  }
}

describe('ReconciliationScheduler', () => {
  beforeEach(() => triggers.splice(0));

  async function boot() {
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        RecordingReconcileHandler,
        ReconciliationScheduler,
        {
          provide: RECONCILIATION_OPTIONS,
          useValue: { intervalMs: 3_600_000, gracePeriodMs: 0, paperTrading: false },
        },
      ],
    }).compile();
    await moduleRef.init();
    return moduleRef;
  }

  it('reconciles right after start-up, then on its interval', async () => {
    const moduleRef = await boot();
    const deadline = Date.now() + 5_000;
    while (triggers.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(triggers).toEqual(['startup']);
    await moduleRef.get(ReconciliationScheduler).runOnce();
    expect(triggers).toEqual(['startup', 'schedule']);
    await moduleRef.close();
  });
});
