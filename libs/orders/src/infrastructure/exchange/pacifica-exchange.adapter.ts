import type { PacificaRestClient, PacificaWsClient } from '@nexwave/pacifica';

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
import { asPortCall } from './pacifica-exchange.errors';
import {
  toAccountBalance,
  toExchangeFill,
  toExchangeOrder,
  toExchangePosition,
  toStatusUpdate,
  tradeToFillUpdate,
} from './pacifica-exchange.mapping';

const ACCOUNT_STREAMS = ['account_order_updates', 'account_trades', 'account_positions'] as const;

/** Trade history page size; Pacifica serves at most 100 a page. */
const FILLS_PAGE = 100;

/**
 * Live Pacifica behind ExchangePort, over the SDK: signed requests (agent wallet), the SDK's safe
 * retries (a create is resent only after its client_order_id was not found) and rate-limit
 * credits, amounts and prices rounded to lot and tick. Our clientOrderId is Pacifica's
 * client_order_id, so an order can always be found again. Updates come from the account streams
 * `account_order_updates` and `account_trades`; reconciliation (REST) is the backstop.
 */
export class PacificaExchangeAdapter extends ExchangePort {
  private connected: Promise<void> | null = null;

  constructor(
    private readonly rest: PacificaRestClient,
    private readonly ws: PacificaWsClient,
    /** The account traded (the agent wallet's principal). */
    private readonly address: string,
    /** How long `subscribe` waits for the streams to answer before resolving anyway. */
    private readonly liveTimeoutMs = 5_000,
  ) {
    super();
  }

  place(request: OrderRequest): Promise<ExchangeAck> {
    const base = {
      symbol: request.symbol,
      side: request.side,
      amount: request.amount,
      reduceOnly: request.reduceOnly,
      clientOrderId: request.clientOrderId,
    };
    return asPortCall(async () => {
      const created =
        request.orderType === 'market'
          ? await this.rest.createMarketOrder({
              ...base,
              slippagePercent: request.slippagePercent,
            })
          : await this.rest.createLimitOrder({ ...base, price: request.price, tif: request.tif });
      return { exchangeOrderId: String(created.orderId) };
    });
  }

  cancel(target: CancelTarget): Promise<void> {
    return asPortCall(() =>
      this.rest.cancelOrder(
        target.exchangeOrderId === null
          ? { symbol: target.symbol, clientOrderId: target.clientOrderId }
          : { symbol: target.symbol, orderId: Number(target.exchangeOrderId) },
      ),
    );
  }

  cancelAll(symbol: string | null): Promise<number> {
    return asPortCall(async () => {
      const result = await this.rest.cancelAllOrders(
        symbol === null ? { allSymbols: true } : { symbol },
      );
      return result.cancelledCount;
    });
  }

  openOrders(): Promise<ExchangeOrder[]> {
    return asPortCall(async () =>
      (await this.rest.getOpenOrders(this.address)).items.map(toExchangeOrder),
    );
  }

  /** Every page of the trade history from `since`, returned oldest first. */
  fillsSince(since: Date): Promise<ExchangeFill[]> {
    return asPortCall(async () => {
      const fills: ExchangeFill[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.rest.getTradeHistory({
          account: this.address,
          startTime: since.getTime(),
          limit: FILLS_PAGE,
          cursor,
        });
        fills.push(...page.items.map(toExchangeFill));
        cursor = page.hasMore ? (page.nextCursor ?? undefined) : undefined;
      } while (cursor);
      return fills
        .filter((fill) => fill.at.getTime() >= since.getTime())
        .sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.fillId) - Number(b.fillId));
    });
  }

  positions(): Promise<ExchangePosition[]> {
    return asPortCall(async () =>
      (await this.rest.getPositions(this.address)).items.map(toExchangePosition),
    );
  }

  account(): Promise<AccountBalance> {
    return asPortCall(async () => toAccountBalance(await this.rest.getAccount(this.address)));
  }

  /**
   * Subscribes to the account's order updates and trades (once per adapter; the WS client
   * resubscribes after a reconnect) and resolves once the streams are live.
   */
  async subscribe(listener: (update: OrderUpdate) => void): Promise<OrderUpdateSubscription> {
    const offUpdates = this.ws.on('account_order_updates', (updates) => {
      for (const update of updates) {
        const status = toStatusUpdate(update);
        if (status) {
          listener(status);
        }
      }
    });
    const offTrades = this.ws.on('account_trades', (trades) => {
      trades.forEach((trade) => listener(tradeToFillUpdate(trade)));
    });
    await this.connect();
    return {
      close: () => {
        offUpdates();
        offTrades();
        return Promise.resolve();
      },
    };
  }

  /** Closes the account streams. */
  async close(): Promise<void> {
    this.connected = null;
    await this.ws.close();
  }

  /** Nest calls it on the provider at shutdown, after the listeners closed their subscriptions. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private connect(): Promise<void> {
    this.connected ??= this.openStreams();
    return this.connected;
  }

  /**
   * The account_positions subscription is answered with a snapshot, sent after the two
   * subscriptions before it on the same connection: once it arrives, those are live too.
   */
  private async openStreams(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    let offPositions: () => void = () => undefined;
    const live = new Promise<void>((resolve) => {
      offPositions = this.ws.on('account_positions', () => resolve());
      timer = setTimeout(resolve, this.liveTimeoutMs);
    });
    for (const source of ACCOUNT_STREAMS) {
      this.ws.subscribe({ source, account: this.address });
    }
    try {
      await this.ws.connect();
      await live;
    } finally {
      clearTimeout(timer);
      offPositions();
    }
  }
}
