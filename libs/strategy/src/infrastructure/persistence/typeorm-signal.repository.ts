import { IsNull, Not, type Repository } from 'typeorm';

import { OutboxWriter, Topics, type OrderRequestV1 } from '@nexwave/messaging';

import {
  SignalRepository,
  type SignalRecord,
} from '../../application/ports/signal.repository.port';
import type { OrderProgress } from '../../domain/engine/strategy-book';
import { toOrderProgress, toSignalRecord, toSignalRow } from './signal-row.mapper';
import { StrategySignalEntity } from './strategy-signal.entity';
import { SAVE_ORDER_PROGRESS, SETTLE_PENDING_SIGNAL } from './strategy.sql';

/**
 * One transaction per signal: the row and, when sent, its orders.requests.v1 outbox row. The
 * insert skips an existing client order id (ON CONFLICT DO NOTHING), and then writes no request;
 * settling a pending signal updates it only while it is pending, so it is requested at most once.
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

  settle(record: SignalRecord, request: OrderRequestV1 | null): Promise<boolean> {
    return this.signals.manager.transaction(async (manager) => {
      const rows: unknown[] = await manager.query(SETTLE_PENDING_SIGNAL, [
        record.clientOrderId,
        record.status,
        record.risk?.approved ?? null,
        record.risk?.rule ?? null,
        record.risk?.reason ?? null,
      ]);
      if (rows.length === 0) {
        return false;
      }
      if (request) {
        await this.outbox.write(manager, Topics.OrdersRequests, request);
      }
      return true;
    });
  }

  async pending(strategyId: string): Promise<SignalRecord[]> {
    const rows = await this.signals.find({
      where: { strategyId, status: 'pending_risk' },
      order: { createdAt: 'ASC', clientOrderId: 'ASC' },
    });
    return rows.map(toSignalRecord);
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
