import type { OrderRequestV1 } from '@nexwave/messaging';

import { SignalRepository, type SignalRecord } from '../application/ports/signal.repository.port';
import type { OrderProgress } from '../domain/engine/strategy-book';

/** Signals in a map; `requests` stands for the outbox: the order requests written with them. */
export class InMemorySignalRepository extends SignalRepository {
  readonly requests: OrderRequestV1[] = [];
  private readonly records = new Map<string, SignalRecord>();
  private readonly progress = new Map<string, OrderProgress>();

  exists(clientOrderId: string): Promise<boolean> {
    return Promise.resolve(this.records.has(clientOrderId));
  }

  record(record: SignalRecord, request: OrderRequestV1 | null): Promise<boolean> {
    if (this.records.has(record.clientOrderId)) {
      return Promise.resolve(false);
    }
    this.records.set(record.clientOrderId, record);
    if (request) {
      this.requests.push(request);
    }
    return Promise.resolve(true);
  }

  settle(record: SignalRecord, request: OrderRequestV1 | null): Promise<boolean> {
    if (this.records.get(record.clientOrderId)?.status !== 'pending_risk') {
      return Promise.resolve(false);
    }
    this.records.set(record.clientOrderId, record);
    if (request) {
      this.requests.push(request);
    }
    return Promise.resolve(true);
  }

  pending(strategyId: string): Promise<SignalRecord[]> {
    return Promise.resolve(
      [...this.records.values()].filter(
        (record) => record.strategyId === strategyId && record.status === 'pending_risk',
      ),
    );
  }

  list(strategyId: string): Promise<SignalRecord[]> {
    return Promise.resolve(
      [...this.records.values()].filter((record) => record.strategyId === strategyId),
    );
  }

  saveProgress(progress: OrderProgress): Promise<void> {
    const stored = this.progress.get(progress.clientOrderId);
    if (this.records.has(progress.clientOrderId) && (stored?.sequence ?? -1) < progress.sequence) {
      this.progress.set(progress.clientOrderId, progress);
    }
    return Promise.resolve();
  }

  progressOf(strategyId: string): Promise<OrderProgress[]> {
    return Promise.resolve(
      [...this.records.values()]
        .filter((record) => record.strategyId === strategyId)
        .flatMap((record) => this.progress.get(record.clientOrderId) ?? []),
    );
  }
}
