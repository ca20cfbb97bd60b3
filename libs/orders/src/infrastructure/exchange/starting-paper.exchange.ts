import { ExchangeUnavailableError } from '../../application/ports/exchange.errors';
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
} from '../../application/ports/exchange.port';
import type { OrderRequest } from '../../domain/order';
import type { PaperExchangeAdapter } from './paper-exchange.adapter';

/**
 * The paper exchange as the app sees it: unavailable until it has been restored from the database
 * and reads the books. Before that its memory is empty, and an empty answer would make
 * reconciliation conclude that our working orders are gone.
 */
export class StartingPaperExchange extends ExchangePort {
  private started = false;

  constructor(readonly paper: PaperExchangeAdapter) {
    super();
  }

  markStarted(): void {
    this.started = true;
  }

  place(request: OrderRequest): Promise<ExchangeAck> {
    return this.once(() => this.paper.place(request));
  }

  cancel(target: CancelTarget): Promise<void> {
    return this.once(() => this.paper.cancel(target));
  }

  cancelAll(symbol: string | null): Promise<number> {
    return this.once(() => this.paper.cancelAll(symbol));
  }

  openOrders(): Promise<ExchangeOrder[]> {
    return this.once(() => this.paper.openOrders());
  }

  fillsSince(since: Date): Promise<ExchangeFill[]> {
    return this.once(() => this.paper.fillsSince(since));
  }

  positions(): Promise<ExchangePosition[]> {
    return this.once(() => this.paper.positions());
  }

  account(): Promise<AccountBalance> {
    return this.once(() => this.paper.account());
  }

  /** Subscribing needs no start: updates flow once it has started. */
  subscribe(listener: (update: OrderUpdate) => void): Promise<OrderUpdateSubscription> {
    return this.paper.subscribe(listener);
  }

  private once<T>(call: () => Promise<T>): Promise<T> {
    return this.started
      ? call()
      : Promise.reject(
          new ExchangeUnavailableError('the paper exchange has not started yet', {
            mayHaveReachedExchange: false,
          }),
        );
  }
}
