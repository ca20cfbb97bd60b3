import type { Repository } from 'typeorm';

import {
  SignalHistory,
  type SignalCursor,
  type SignalPageRequest,
  type StoredSignal,
} from '../../application/ports/signal-history.port';
import { toSignalRecord } from './signal-row.mapper';
import type { StrategySignalEntity } from './strategy-signal.entity';

/** strategy_signals read newest first, (created_at, client_order_id) descending, on its index. */
export class TypeOrmSignalHistory extends SignalHistory {
  constructor(private readonly signals: Repository<StrategySignalEntity>) {
    super();
  }

  async cursorOf(strategyId: string, clientOrderId: string): Promise<SignalCursor | null> {
    const row = await this.signals.findOne({
      select: { createdAt: true, clientOrderId: true },
      where: { strategyId, clientOrderId },
    });
    return row === null ? null : { createdAt: row.createdAt, clientOrderId: row.clientOrderId };
  }

  async page(strategyId: string, request: SignalPageRequest): Promise<StoredSignal[]> {
    const query = this.signals
      .createQueryBuilder('signal')
      .where('signal.strategyId = :strategyId', { strategyId })
      .orderBy('signal.createdAt', 'DESC')
      .addOrderBy('signal.clientOrderId', 'DESC')
      .limit(request.limit);
    if (request.before) {
      query.andWhere('(signal.createdAt, signal.clientOrderId) < (:beforeAt, :beforeId)', {
        beforeAt: request.before.createdAt,
        beforeId: request.before.clientOrderId,
      });
    }
    if (request.since) {
      query.andWhere('signal.createdAt >= :since', { since: request.since });
    }
    return (await query.getMany()).map(toStoredSignal);
  }
}

function toStoredSignal(row: StrategySignalEntity): StoredSignal {
  return {
    ...toSignalRecord(row),
    fill:
      row.orderSequence === null
        ? null
        : {
            sequence: row.orderSequence,
            filledAmount: row.filledAmount ?? '0',
            averageFillPrice: row.averageFillPrice,
            feeUsd: row.feeUsd ?? '0',
          },
  };
}
