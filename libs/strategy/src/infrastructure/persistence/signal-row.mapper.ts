import type { SignalRecord } from '../../application/ports/signal.repository.port';
import type { OrderProgress } from '../../domain/engine/strategy-book';
import type { StrategySignalEntity } from './strategy-signal.entity';

export function toSignalRow(record: SignalRecord): StrategySignalEntity {
  const { signal, risk } = record;
  return {
    clientOrderId: record.clientOrderId,
    strategyId: record.strategyId,
    symbol: signal.symbol,
    side: signal.side,
    intent: signal.intent,
    size: signal.size,
    amount: record.amount,
    price: signal.price,
    stopLoss: signal.stopLoss,
    takeProfit: signal.takeProfit,
    reason: signal.reason,
    indicators: { ...signal.indicators },
    bucketStart: signal.bucketStart,
    riskApproved: risk?.approved ?? null,
    riskRule: risk?.rule ?? null,
    riskReason: risk?.reason ?? null,
    status: record.status,
    createdAt: record.createdAt,
    orderSequence: null,
    filledAmount: null,
    averageFillPrice: null,
    feeUsd: null,
    orderEventAt: null,
  };
}

export function toSignalRecord(row: StrategySignalEntity): SignalRecord {
  return {
    clientOrderId: row.clientOrderId,
    strategyId: row.strategyId,
    signal: {
      symbol: row.symbol,
      side: row.side,
      intent: row.intent,
      size: row.size,
      price: row.price,
      stopLoss: row.stopLoss,
      takeProfit: row.takeProfit,
      reason: row.reason,
      indicators: row.indicators,
      bucketStart: row.bucketStart,
    },
    amount: row.amount,
    risk:
      row.riskApproved === null
        ? null
        : { approved: row.riskApproved, rule: row.riskRule, reason: row.riskReason ?? '' },
    status: row.status,
    createdAt: row.createdAt,
  };
}

/** The stored state of a sent order, or null before its first event. */
export function toOrderProgress(row: StrategySignalEntity): OrderProgress | null {
  if (row.orderSequence === null) {
    return null;
  }
  return {
    clientOrderId: row.clientOrderId,
    sequence: row.orderSequence,
    symbol: row.symbol,
    side: row.side,
    filledAmount: row.filledAmount ?? '0',
    averageFillPrice: row.averageFillPrice,
    feeUsd: row.feeUsd ?? '0',
    // Stored before migration 1795600099000 without its time: the signal's is the nearest known.
    at: row.orderEventAt ?? row.createdAt,
  };
}
