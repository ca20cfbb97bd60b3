import { Logger, type OnApplicationShutdown } from '@nestjs/common';

import {
  ContractStreamReader,
  perProcessGroup,
  StreamFamilies,
  type StreamPort,
  type TradeV1,
} from '@nexwave/messaging';

import { withTrade, type FormingCandle } from '../../domain/forming-candle';
import { TIMEFRAMES, type Timeframe } from '../../domain/timeframe';

export type CandleListener = (candle: FormingCandle) => void;

/**
 * The forming candle of every timeframe of the symbols someone watches, built from
 * `trades:{SYMBOL}` as the rest of market data reads it (Redis or memory streams; in split mode
 * the api-gateway reads the stream itself). A symbol's stream is read from its first watcher on,
 * in a group of this process alone (every instance needs every trade), from the oldest retained
 * entry: the current bucket is complete as far as the stream retains its trades.
 */
export class LiveCandles implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveCandles.name);
  private readonly group = perProcessGroup('live-candles');
  private readonly readers = new Map<string, Promise<ContractStreamReader<'trades'>>>();
  private readonly candles = new Map<string, FormingCandle>();
  private readonly listeners = new Map<string, Set<CandleListener>>();

  constructor(private readonly streams: StreamPort) {}

  /**
   * Calls `listener` with each change of the forming candle (at once with the current one, if
   * any) until the returned function is called.
   */
  async watch(symbol: string, timeframe: Timeframe, listener: CandleListener): Promise<() => void> {
    const key = candleKey(symbol, timeframe);
    const listeners = this.listeners.get(key) ?? new Set<CandleListener>();
    this.listeners.set(key, listeners);
    listeners.add(listener);
    const current = this.candles.get(key);
    if (current) {
      listener(current);
    }
    const unwatch = () => listeners.delete(listener);
    try {
      await this.read(symbol);
    } catch (error) {
      unwatch();
      throw error;
    }
    return unwatch;
  }

  async onApplicationShutdown(): Promise<void> {
    const readers = await Promise.allSettled(this.readers.values());
    this.readers.clear();
    for (const reader of readers) {
      if (reader.status === 'fulfilled') {
        await reader.value.stop();
      }
    }
  }

  private read(symbol: string): Promise<unknown> {
    let reader = this.readers.get(symbol);
    if (!reader) {
      reader = this.startReader(symbol);
      this.readers.set(symbol, reader);
      reader.catch((error: unknown) => {
        this.readers.delete(symbol);
        this.logger.error({ err: error }, `Reading trades:${symbol} failed`);
      });
    }
    return reader;
  }

  private async startReader(symbol: string): Promise<ContractStreamReader<'trades'>> {
    const reader = new ContractStreamReader(this.streams, StreamFamilies.Trades, {
      ...this.group,
      startId: '0',
      batchSize: 100,
    });
    await reader.start([symbol], (trade) => this.onTrade(trade));
    return reader;
  }

  private onTrade(trade: TradeV1): void {
    const time = new Date(trade.time);
    for (const timeframe of TIMEFRAMES) {
      const key = candleKey(trade.symbol, timeframe);
      const before = this.candles.get(key);
      const after = withTrade(before, trade.symbol, timeframe, { ...trade, time });
      if (after !== before) {
        this.candles.set(key, after);
        this.listeners.get(key)?.forEach((listener) => listener(after));
      }
    }
  }
}

function candleKey(symbol: string, timeframe: Timeframe): string {
  return `${symbol}\u0000${timeframe}`;
}
