import { IsNull, Not, type Repository } from 'typeorm';

import { OutboxWriter, Topics, type OrderRequestV1 } from '@nexwave/messaging';

import {
  SignalRepository,
  type SignalRecord,
} from '../../application/ports/signal.repository.port';
import type { OrderProgress } from '../../domain/engine/strategy-book';
import { toOrderProgress, toSignalRecord, toSignalRow } from './signal-row.mapper';
import { StrategySignalEntity } from './strategy-signal.entity';
import { SAVE_ORDER_PROGRESS } from './strategy.sql';

/**
 * One transaction per signal: the row and, when sent, its orders.requests.v1 outbox row. The
 * insert skips an existing client order id (ON CONFLICT DO NOTHING), and then writes no request.
 */
export class TypeOrmSignalRepository extends SignalRepository {
  constructor(
    private readonly signals: Repository<StrategySignalEntity>,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  exists(clientOrderId: string): Promise<boolean> {
    return this.signals.existsBy({ clientOrderId });
  }

  record(record: SignalRecord, request: OrderRequestV1 | null): Promise<boolean> {
    return this.signals.manager.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(StrategySignalEntity)
        .values(toSignalRow(record))
        .orIgnore()
        .returning(['clientOrderId'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) {
        return false;
      }
      if (request) {
        await this.outbox.write(manager, Topics.OrdersRequests, request);
      }
      return true;
    });
  }

  async list(strategyId: string): Promise<SignalRecord[]> {
    const rows = await this.signals.find({
      where: { strategyId },
      order: { createdAt: 'DESC', clientOrderId: 'ASC' },
    });
    return rows.map(toSignalRecord);
  }

  async saveProgress(progress: OrderProgress): Promise<void> {
    await this.signals.query(SAVE_ORDER_PROGRESS, [
      progress.clientOrderId,
      progress.sequence,
      progress.filledAmount,
      progress.averageFillPrice,
      progress.feeUsd,
      progress.at,
    ]);
  }

  async progressOf(strategyId: string): Promise<OrderProgress[]> {
    const rows = await this.signals.find({
      where: { strategyId, orderSequence: Not(IsNull()) },
      order: { createdAt: 'ASC', clientOrderId: 'ASC' },
    });
    return rows.flatMap((row) => toOrderProgress(row) ?? []);
  }
}
