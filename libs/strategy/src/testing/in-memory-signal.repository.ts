import type { OrderRequestV1 } from '@nexwave/messaging';

import { SignalRepository, type SignalRecord } from '../application/ports/signal.repository.port';

/** Signals in a map; `requests` stands for the outbox: the order requests written with them. */
export class InMemorySignalRepository extends SignalRepository {
  readonly requests: OrderRequestV1[] = [];
  private readonly records = new Map<string, SignalRecord>();

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

  list(strategyId: string): Promise<SignalRecord[]> {
    return Promise.resolve(
      [...this.records.values()].filter((record) => record.strategyId === strategyId),
    );
  }
}
