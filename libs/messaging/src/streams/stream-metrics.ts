import { Gauge, Registry } from 'prom-client';

import { within } from '../read-within';
import { deadLetterStream } from '../topics';
import { GroupBacklog, StreamPort } from './stream.port';

/** A scrape never waits longer than this for Redis. */
const READ_TIMEOUT_MS = 1_000;

/**
 * Read at each scrape, for every stream a consumer of this process reads: the group's lag (entries
 * not yet delivered), its pending entries (delivered, not acknowledged) and the entries in the
 * stream's dead-letter stream. Labels: `stream` = the family (`orderbook`), `symbol`, `group`.
 * A reading that fails or times out keeps the last value.
 */
export class StreamMetrics {
  constructor(
    private readonly streams: StreamPort,
    registry: Registry,
  ) {
    this.perGroup(
      registry,
      'nexwave_stream_consumer_lag_entries',
      'Stream entries appended and not yet delivered to the consumer group',
      (backlog) => backlog.unread,
    );
    this.perGroup(
      registry,
      'nexwave_stream_consumer_pending_entries',
      'Stream entries delivered to the consumer group and not yet acknowledged',
      (backlog) => backlog.pending,
    );
    const deadLetters = new Gauge({
      name: 'nexwave_stream_dead_letter_entries',
      help: 'Entries in the dead-letter stream (<stream>.dlq) of each stream read here',
      labelNames: ['stream', 'symbol'],
      registers: [registry],
      collect: async () => {
        const streams = new Set(this.streams.consumed().map(({ stream }) => stream));
        for (const stream of streams) {
          const count = await within(
            this.streams.length(deadLetterStream(stream)),
            READ_TIMEOUT_MS,
          );
          if (count !== null) {
            deadLetters.set(streamLabels(stream), count);
          }
        }
      },
    });
  }

  private perGroup(
    registry: Registry,
    name: string,
    help: string,
    pick: (backlog: GroupBacklog) => number | null,
  ): void {
    const gauge: Gauge<'stream' | 'symbol' | 'group'> = new Gauge({
      name,
      help,
      labelNames: ['stream', 'symbol', 'group'],
      registers: [registry],
      collect: async () => {
        for (const { stream, group, metricsGroup } of this.streams.consumed()) {
          const value = await within(
            this.streams.backlog(stream, group).then(pick),
            READ_TIMEOUT_MS,
          );
          if (value !== null) {
            gauge.set({ ...streamLabels(stream), group: metricsGroup }, value);
          }
        }
      },
    });
  }
}

/** `orderbook:BTC` -> `{ stream: 'orderbook', symbol: 'BTC' }`. */
function streamLabels(name: string): { stream: string; symbol: string } {
  const colon = name.indexOf(':');
  return colon < 0
    ? { stream: name, symbol: '' }
    : { stream: name.slice(0, colon), symbol: name.slice(colon + 1) };
}
