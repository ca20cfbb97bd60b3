import { Registry } from 'prom-client';

import { until } from '@nexwave/core/testing';
import {
  deadLetterStream,
  entryJson,
  StreamConsumer,
  StreamEntry,
  StreamMetrics,
  StreamPort,
} from '@nexwave/messaging';

import { parseMetrics, total } from '../../../test/support/metrics-scrape';

/** Collects handled entries and resolves `waitFor(n)` once n arrived. */
class Received {
  readonly entries: StreamEntry[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  add(entry: StreamEntry): void {
    this.entries.push(entry);
    this.waiters = this.waiters.filter(
      (waiter) => this.entries.length < waiter.count || (waiter.resolve(), false),
    );
  }

  waitFor(count: number): Promise<void> {
    return this.entries.length >= count
      ? Promise.resolve()
      : new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}

async function appendMany(port: StreamPort, stream: string, count: number, maxLen?: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await port.append(stream, { seq: String(i) }, { maxLen }));
  }
  return ids;
}

/** The StreamPort behaviour every adapter must have; run by one int-spec per adapter. */
export function streamPortSuite(
  setup: () => Promise<StreamPort>,
  teardown: (port: StreamPort) => Promise<void>,
): void {
  let port: StreamPort;
  let consumers: StreamConsumer[];
  let stream: string;
  let counter = 0;

  beforeEach(async () => {
    port = await setup();
    consumers = [];
    stream = `orderbook:T${++counter}-${Date.now()}`;
  });

  afterEach(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await port.close();
    await teardown(port);
  });

  const consume = async (
    group: string,
    consumer: string,
    handler: (entry: StreamEntry) => Promise<void>,
    reclaimIdleMs = 60_000,
    maxDeliveries?: number,
  ) => {
    const running = await port.consume({
      streams: [stream],
      group,
      consumer,
      handler,
      batchSize: 1,
      blockMs: 50,
      reclaimIdleMs,
      maxDeliveries,
    });
    consumers.push(running);
    return running;
  };

  it('lists the streams whose names start with a prefix, sorted', async () => {
    const prefix = `list${counter}-${Date.now()}:`;
    for (const name of [`${prefix}kBONK`, `${prefix}BTC`, `${prefix}*`, `other${prefix}ETH`]) {
      await port.append(name, { symbol: 'x' });
    }
    expect(await port.list(prefix)).toEqual([`${prefix}*`, `${prefix}BTC`, `${prefix}kBONK`]);
    expect(await port.list(`${prefix}B`)).toEqual([`${prefix}BTC`]);
    expect(await port.list(`${prefix}*`)).toEqual([`${prefix}*`]);
  });

  it('delivers appended fields and JSON to a group in order and acknowledges them', async () => {
    const received = new Received();
    const ids = [
      await port.append(stream, { symbol: 'kBONK', bestBid: '0.02315' }),
      await port.append(stream, { symbol: 'kBONK', levels: [{ p: '0.0232', a: '1000', n: 3 }] }),
    ];
    const running = await consume('whales', 'w1', (entry) => Promise.resolve(received.add(entry)));
    await received.waitFor(2);
    await running.stop();

    expect(received.entries.map((entry) => entry.id)).toEqual(ids);
    expect(received.entries[0].fields).toEqual({ symbol: 'kBONK', bestBid: '0.02315' });
    expect(entryJson(received.entries[1])).toEqual({
      symbol: 'kBONK',
      levels: [{ p: '0.0232', a: '1000', n: 3 }],
    });
    expect(await port.pending(stream, 'whales')).toBe(0);
  });

  it('shares entries between two consumers of one group, each entry once', async () => {
    const byConsumer = new Map<string, string[]>();
    const received = new Received();
    let bothActive!: () => void;
    const barrier = new Promise<void>((resolve) => (bothActive = resolve));
    const handler = (name: string) => async (entry: StreamEntry) => {
      byConsumer.set(name, [...(byConsumer.get(name) ?? []), entry.id]);
      if (byConsumer.size === 2) {
        bothActive();
      }
      await barrier; // the first consumer holds its entry until the other one has one too
      received.add(entry);
    };
    await consume('detectors', 'c1', handler('c1'));
    await consume('detectors', 'c2', handler('c2'));
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push(await port.append(stream, { seq: String(i) }));
    }
    await received.waitFor(10);

    const all = [...byConsumer.values()].flat();
    expect(all.sort()).toEqual([...ids].sort());
    expect([...byConsumer.keys()].sort()).toEqual(['c1', 'c2']);
  });

  it('gives every group its own copy', async () => {
    const whales = new Received();
    const writer = new Received();
    await consume('whales', 'w', (entry) => Promise.resolve(whales.add(entry)));
    await consume('writer', 'd', (entry) => Promise.resolve(writer.add(entry)));
    await port.append(stream, { seq: '1' });
    await Promise.all([whales.waitFor(1), writer.waitFor(1)]);

    expect(whales.entries[0].id).toBe(writer.entries[0].id);
  });

  it('lets a live consumer reclaim the pending entries of a dead one', async () => {
    const seenByDead = new Received();
    const reclaimed = new Received();
    const ids = [await port.append(stream, { seq: '1' }), await port.append(stream, { seq: '2' })];
    const dead = await consume('whales', 'dead', (entry) => {
      seenByDead.add(entry);
      return Promise.reject(new Error('crashed before ack'));
    });
    await seenByDead.waitFor(2);
    await dead.stop();
    expect(await port.pending(stream, 'whales')).toBe(2);

    const live = await consume(
      'whales',
      'live',
      (entry) => Promise.resolve(reclaimed.add(entry)),
      100,
    );
    await reclaimed.waitFor(2);
    await live.stop();

    expect(reclaimed.entries.map((entry) => entry.id)).toEqual(ids);
    expect(await port.pending(stream, 'whales')).toBe(0);
  });

  it('moves an entry that keeps failing to <stream>.dlq with the reason, and goes on', async () => {
    const handled = new Received();
    const attempts: string[] = [];
    const poison = await port.append(stream, { seq: 'poison' });
    await port.append(stream, { seq: 'good' });
    await consume(
      'whales',
      'only',
      (entry) => {
        attempts.push(entry.fields['seq']);
        return entry.fields['seq'] === 'poison'
          ? Promise.reject(new Error('cannot parse'))
          : Promise.resolve(handled.add(entry));
      },
      20,
      3,
    );
    const dead = new Received();
    consumers.push(
      await port.consume({
        streams: [deadLetterStream(stream)],
        group: 'dlq-reader',
        consumer: 'reader',
        handler: (entry) => Promise.resolve(dead.add(entry)),
        blockMs: 50,
      }),
    );
    await Promise.all([handled.waitFor(1), dead.waitFor(1)]);

    expect(handled.entries.map((entry) => entry.fields['seq'])).toEqual(['good']);
    expect(attempts.filter((seq) => seq === 'poison')).toHaveLength(3);
    expect(dead.entries[0]?.fields).toMatchObject({
      seq: 'poison',
      dlq_original_id: poison,
      dlq_reason: 'handler failed on 3 deliveries',
    });
    expect(await port.pending(stream, 'whales')).toBe(0);
  });

  it('trims the stream to about MAXLEN entries, keeping the newest', async () => {
    let last = '';
    for (let i = 0; i < 1_000; i++) {
      last = await port.append(stream, { seq: String(i) }, { maxLen: 100 });
    }
    const length = await port.length(stream);
    const received = new Received();
    await consume('late', 'l', (entry) => Promise.resolve(received.add(entry)));
    await received.waitFor(length);

    expect(length).toBeGreaterThanOrEqual(100);
    expect(length).toBeLessThanOrEqual(200);
    expect(received.entries.at(-1)?.id).toBe(last);
    expect(received.entries[0].fields.seq).toBe(String(1_000 - length));
  });
  it('starts a group created with startId $ at the end: only later entries', async () => {
    await appendMany(port, stream, 3);
    const received = new Received();
    consumers.push(
      await port.consume({
        streams: [stream],
        group: 'late',
        consumer: 'l',
        startId: '$',
        blockMs: 50,
        handler: (entry) => Promise.resolve(received.add(entry)),
      }),
    );
    const later = [
      await port.append(stream, { seq: 'a' }),
      await port.append(stream, { seq: 'b' }),
    ];
    await received.waitFor(2);

    expect(received.entries.map((entry) => entry.id)).toEqual(later);
  });

  it('resumes a group whose cursor was trimmed away at the oldest retained entry, each once', async () => {
    const first = new Received();
    const early = await consume('writer', 'w1', (entry) => Promise.resolve(first.add(entry)));
    await appendMany(port, stream, 5);
    await first.waitFor(5);
    await early.stop();
    const appended = await appendMany(port, stream, 1_000, 100);
    const retained = appended.slice(-(await port.length(stream)));

    const again = new Received();
    await consume('writer', 'w2', (entry) => Promise.resolve(again.add(entry)));
    await again.waitFor(retained.length);
    const marker = await port.append(stream, { seq: 'marker' }, { maxLen: 100 });
    await again.waitFor(retained.length + 1);

    expect(again.entries.map((entry) => entry.id)).toEqual([...retained, marker]);
    await until(async () => (await port.pending(stream, 'writer')) === 0, 'acks');
  });

  it('drops a pending entry trimmed before it was reclaimed instead of redelivering it', async () => {
    const seenByDead = new Received();
    const [lost] = await appendMany(port, stream, 1);
    const dead = await consume('whales', 'dead', (entry) => {
      seenByDead.add(entry);
      return Promise.reject(new Error('crashed before ack'));
    });
    await seenByDead.waitFor(1);
    await dead.stop();
    const appended = await appendMany(port, stream, 1_000, 100);
    const retained = appended.slice(-(await port.length(stream)));

    const live = new Received();
    await consume('whales', 'live', (entry) => Promise.resolve(live.add(entry)), 100);
    await live.waitFor(retained.length);
    await until(async () => (await port.pending(stream, 'whales')) === 0, 'pending to drain');

    expect(live.entries.map((entry) => entry.id)).toEqual(retained);
    expect(live.entries.map((entry) => entry.id)).not.toContain(lost);
  });

  it('delivers every entry once and in order while a live consumer keeps up with trimming', async () => {
    const received = new Received();
    await consume('writer', 'w', (entry) => Promise.resolve(received.add(entry)));
    const appended: string[] = [];
    for (let chunk = 0; chunk < 20; chunk++) {
      appended.push(...(await appendMany(port, stream, 25, 50)));
      await received.waitFor(appended.length);
    }

    expect(received.entries.map((entry) => entry.id)).toEqual(appended);
    await until(async () => (await port.pending(stream, 'writer')) === 0, 'acks');
  });

  it('reads several streams with one consumer, each stream in order', async () => {
    const other = `${stream}:other`;
    const received = new Received();
    consumers.push(
      await port.consume({
        streams: [stream, other],
        group: 'both',
        consumer: 'b',
        blockMs: 50,
        handler: (entry) => Promise.resolve(received.add(entry)),
      }),
    );
    const mine = await appendMany(port, stream, 5);
    const theirs = await appendMany(port, other, 5);
    await received.waitFor(10);

    const idsOf = (name: string) =>
      received.entries.filter((entry) => entry.stream === name).map((entry) => entry.id);
    expect(idsOf(stream)).toEqual(mine);
    expect(idsOf(other)).toEqual(theirs);
  });

  it('tells a group backlog: entries not yet delivered and entries not yet acknowledged', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const received = new Received();
    await appendMany(port, stream, 3);
    await consume('whales', 'slow', async (entry) => {
      received.add(entry);
      await held;
    });
    await received.waitFor(1);

    expect(await port.backlog(stream, 'whales')).toEqual({ unread: 2, pending: 1 });
    expect(port.consumed()).toEqual([{ stream, group: 'whales', metricsGroup: 'whales' }]);
    release();
    await received.waitFor(3);
    await until(async () => (await port.pending(stream, 'whales')) === 0, 'acks');
    expect(await port.backlog(stream, 'whales')).toEqual({ unread: 0, pending: 0 });
  });

  it('gauges the lag, pending and dead-lettered entries of each stream read, at scrape', async () => {
    const registry = new Registry();
    new StreamMetrics(port, registry);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const received = new Received();
    await port.append(stream, { seq: 'poison' });
    await consume(
      'whales',
      'only',
      async (entry) => {
        if (entry.fields['seq'] === 'poison') {
          throw new Error('cannot parse');
        }
        received.add(entry);
        await held;
      },
      20,
      2,
    );
    await until(async () => (await port.length(deadLetterStream(stream))) === 1, 'a dead letter');
    await appendMany(port, stream, 4);
    await received.waitFor(1);
    const symbol = stream.slice('orderbook:'.length);
    const labels = { stream: 'orderbook', symbol, group: 'whales' };
    const scrape = parseMetrics(await registry.metrics());

    expect(total(scrape, 'nexwave_stream_consumer_lag_entries', labels)).toBe(3);
    expect(total(scrape, 'nexwave_stream_consumer_pending_entries', labels)).toBe(1);
    expect(
      total(scrape, 'nexwave_stream_dead_letter_entries', { stream: 'orderbook', symbol }),
    ).toBe(1);
    release();
    await received.waitFor(4);
    await until(async () => (await port.pending(stream, 'whales')) === 0, 'acks');
    const drained = parseMetrics(await registry.metrics());
    expect(total(drained, 'nexwave_stream_consumer_lag_entries', labels)).toBe(0);
    expect(total(drained, 'nexwave_stream_consumer_pending_entries', labels)).toBe(0);
  });
}
