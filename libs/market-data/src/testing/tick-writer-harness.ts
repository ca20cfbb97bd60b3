import { FixedClock } from '@nexwave/core/testing';

import type { TradesStoredEvent } from '../application/events/trades-stored.event';
import { TickWriter } from '../application/ingestion/tick-writer';
import { MarketDataMetrics } from '../application/market-data.metrics';
import type { Tick } from '../domain/tick';
import { InMemoryTickStore } from './in-memory-tick.store';

export const HARNESS_NOW = new Date('2026-03-01T12:00:00Z');

/**
 * A TickWriter over an in-memory store at a fixed clock, recording the events it tells (and
 * handing them to `publish`, an EventBus's for instance).
 */
export function tickWriterHarness(publish?: (event: TradesStoredEvent) => void): {
  writer: TickWriter;
  store: InMemoryTickStore;
  stored: TradesStoredEvent[];
} {
  const store = new InMemoryTickStore();
  const stored: TradesStoredEvent[] = [];
  const writer = new TickWriter(store, new MarketDataMetrics(), {
    buffer: { batchSize: 100, maxWaitMs: 1_000, capacity: 1_000 },
    retry: { baseDelayMs: 1, maxDelayMs: 1 },
    shutdownAttempts: 1,
    clock: new FixedClock(HARNESS_NOW),
    onStored: (event) => {
      stored.push(event);
      publish?.(event);
    },
  });
  return { writer, store, stored };
}

export function tick(tradeId: string, time: string, source: Tick['source'] = 'pacifica'): Tick {
  return {
    time: new Date(time),
    symbol: 'BTC',
    price: '100',
    size: '1',
    side: 'buy',
    tradeId,
    source,
  };
}
