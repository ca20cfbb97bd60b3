import { PacificaRestClient, PacificaWsClient, type BookAggLevel } from '@nexwave/pacifica';

import { MarketFeedPort, type MarketFeedHandlers } from '../../application/ports/market-feed.port';
import type { HistoricalTrade } from '../../domain/backfill';

export interface PacificaMarketFeedOptions {
  restUrl: string;
  wsUrl: string;
  aggLevel?: BookAggLevel;
  /** The WS client's own watchdog resubscribes a book silent this long (0 disables). */
  bookStaleAfterMs?: number;
  reconnect?: { baseDelayMs: number; maxDelayMs: number };
}

/** Pacifica's public `book` and `trades` channels, `/info` and `/trades`. */
export class PacificaMarketFeed extends MarketFeedPort {
  /** Pacifica's `/trades` answers the latest 100 trades. */
  readonly historyLimit = 100;
  private readonly rest: PacificaRestClient;
  private readonly ws: PacificaWsClient;
  private readonly unsubscribes: (() => void)[] = [];

  constructor(private readonly options: PacificaMarketFeedOptions) {
    super();
    this.rest = new PacificaRestClient({ baseUrl: options.restUrl });
    this.ws = new PacificaWsClient({
      url: options.wsUrl,
      bookStaleAfterMs: options.bookStaleAfterMs,
      reconnect: options.reconnect,
    });
  }

  async listSymbols(): Promise<string[]> {
    return (await this.rest.getMarkets()).map((market) => market.symbol);
  }

  async start(symbols: readonly string[], handlers: MarketFeedHandlers): Promise<void> {
    this.unsubscribes.push(
      this.ws.on('book', (book) => handlers.onBook(book)),
      this.ws.on('trades', (trades) =>
        handlers.onTrades(
          trades.map((trade) => ({
            tradeId: String(trade.historyId),
            symbol: trade.symbol,
            price: trade.price,
            amount: trade.amount,
            direction: trade.side,
            time: trade.time,
          })),
        ),
      ),
    );
    for (const symbol of symbols) {
      this.ws.subscribe({ source: 'book', symbol, aggLevel: this.options.aggLevel ?? 1 });
      this.ws.subscribe({ source: 'trades', symbol });
    }
    await this.ws.connect();
  }

  connection(): number {
    return this.ws.stats().reconnects;
  }

  async recentTrades(symbol: string): Promise<HistoricalTrade[]> {
    const trades = await this.rest.getRecentTrades(symbol);
    // Each fill appears once per side of the match; the taker's event is the trade.
    return trades
      .filter((trade) => trade.eventType === 'fulfill_taker')
      .map((trade) => ({
        price: trade.price,
        amount: trade.amount,
        direction: trade.side,
        time: trade.createdAt,
      }));
  }

  async stop(): Promise<void> {
    this.unsubscribes.splice(0).forEach((unsubscribe) => unsubscribe());
    await this.ws.close();
  }
}
