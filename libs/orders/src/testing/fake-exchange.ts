import {
  ExchangePort,
  type AccountBalance,
  type CancelTarget,
  type ExchangeAck,
  type ExchangeFill,
  type ExchangeOrder,
  type ExchangePosition,
  type OrderUpdate,
  type OrderUpdateSubscription,
} from '../application/ports/exchange.port';
import type { OrderRequest } from '../domain/order';

/**
 * An exchange a test scripts: it records what was sent, acknowledges with ids ex-1, ex-2..., fails
 * the next calls with the errors queued by `failNext`, and pushes updates with `push`. Orders rest
 * until canceled; fills, positions and the account are whatever the test sets.
 */
export class FakeExchange extends ExchangePort {
  readonly placed: OrderRequest[] = [];
  readonly canceled: CancelTarget[] = [];
  working: ExchangeOrder[] = [];
  fills: ExchangeFill[] = [];
  positionList: ExchangePosition[] = [];
  balance: AccountBalance = {
    balanceUsd: '100000',
    equityUsd: '100000',
    availableToSpendUsd: '100000',
  };
  private readonly failures: Error[] = [];
  private readonly listeners = new Set<(update: OrderUpdate) => void>();
  private nextId = 1;

  /** The next calls (any method) throw these errors, in order. */
  failNext(...errors: Error[]): void {
    this.failures.push(...errors);
  }

  /** Delivers an update to every open subscription. */
  push(update: OrderUpdate): void {
    for (const listener of this.listeners) {
      listener(update);
    }
  }

  place(request: OrderRequest): Promise<ExchangeAck> {
    return this.call(() => {
      this.placed.push(request);
      const exchangeOrderId = `ex-${this.nextId++}`;
      this.working.push({
        exchangeOrderId,
        clientOrderId: request.clientOrderId,
        symbol: request.symbol,
        side: request.side,
        price: request.price,
        amount: request.amount,
        filledAmount: '0',
        reduceOnly: request.reduceOnly,
        createdAt: new Date(0),
      });
      return { exchangeOrderId };
    });
  }

  cancel(target: CancelTarget): Promise<void> {
    return this.call(() => {
      this.canceled.push(target);
      this.working = this.working.filter(
        (o) =>
          o.clientOrderId !== target.clientOrderId && o.exchangeOrderId !== target.exchangeOrderId,
      );
    });
  }

  cancelAll(symbol: string | null): Promise<number> {
    return this.call(() => {
      const kept = this.working.filter((o) => symbol !== null && o.symbol !== symbol);
      const count = this.working.length - kept.length;
      this.working = kept;
      return count;
    });
  }

  openOrders(): Promise<ExchangeOrder[]> {
    return this.call(() => [...this.working]);
  }

  fillsSince(since: Date): Promise<ExchangeFill[]> {
    return this.call(() => this.fills.filter((f) => f.at.getTime() >= since.getTime()));
  }

  positions(): Promise<ExchangePosition[]> {
    return this.call(() => [...this.positionList]);
  }

  account(): Promise<AccountBalance> {
    return this.call(() => this.balance);
  }

  subscribe(listener: (update: OrderUpdate) => void): Promise<OrderUpdateSubscription> {
    this.listeners.add(listener);
    return Promise.resolve({
      close: () => {
        this.listeners.delete(listener);
        return Promise.resolve();
      },
    });
  }

  private call<T>(answer: () => T): Promise<T> {
    const failure = this.failures.shift();
    return failure ? Promise.reject(failure) : Promise.resolve(answer());
  }
}
