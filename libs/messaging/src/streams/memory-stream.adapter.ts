import { Logger } from '@nestjs/common';

import { deadLetterStream } from '../topics';
import { deadLetterFields } from './stream-names';
import {
  AppendOptions,
  ConsumeOptions,
  DEFAULT_CONSUME,
  DEFAULT_MAX_LEN,
  StreamConsumer,
  StreamEntry,
  StreamFields,
  StreamPort,
  toFields,
} from './stream.port';

interface Pending {
  consumer: string;
  deliveredAt: number;
  deliveries: number;
}

interface Group {
  lastDelivered: string;
  pending: Map<string, Pending>;
}

interface Stream {
  entries: StreamEntry[];
  groups: Map<string, Group>;
  lastMs: number;
  lastSeq: number;
}

/** In-process streams with Redis consumer-group semantics, for the all-in-one app and tests. */
export class MemoryStreamAdapter extends StreamPort {
  private readonly streams = new Map<string, Stream>();
  private readonly consumers = new Set<MemoryStreamConsumer>();
  private readonly wakers = new Set<() => void>();

  constructor(private readonly defaultMaxLen = DEFAULT_MAX_LEN) {
    super();
  }

  append(name: string, data: StreamFields | object, options: AppendOptions = {}): Promise<string> {
    const stream = this.stream(name);
    const now = Date.now();
    stream.lastSeq = now > stream.lastMs ? 0 : stream.lastSeq + 1;
    stream.lastMs = Math.max(now, stream.lastMs);
    const id = `${stream.lastMs}-${stream.lastSeq}`;
    stream.entries.push({ stream: name, id, fields: { ...toFields(data) } });
    const excess = stream.entries.length - (options.maxLen ?? this.defaultMaxLen);
    if (excess > 0) {
      stream.entries.splice(0, excess);
    }
    this.wakers.forEach((wake) => wake());
    return Promise.resolve(id);
  }

  consume(options: ConsumeOptions): Promise<StreamConsumer> {
    for (const name of options.streams) {
      const stream = this.stream(name);
      if (!stream.groups.has(options.group)) {
        const start =
          (options.startId ?? DEFAULT_CONSUME.startId) === '$' ? stream.entries.length : 0;
        stream.groups.set(options.group, {
          lastDelivered: this.idBefore(stream, start),
          pending: new Map(),
        });
      }
    }
    const consumer = new MemoryStreamConsumer(this, options);
    this.consumers.add(consumer);
    consumer.start();
    return Promise.resolve({
      stop: async () => {
        await consumer.stop();
        this.consumers.delete(consumer);
      },
    });
  }

  length(name: string): Promise<number> {
    return Promise.resolve(this.stream(name).entries.length);
  }

  list(prefix: string): Promise<string[]> {
    return Promise.resolve(
      [...this.streams.keys()].filter((name) => name.startsWith(prefix)).sort(),
    );
  }

  pending(name: string, group: string): Promise<number> {
    return Promise.resolve(this.stream(name).groups.get(group)?.pending.size ?? 0);
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    this.consumers.clear();
  }

  /** Delivers up to `count` entries nobody in the group has seen and marks them pending. */
  readNew(name: string, group: string, consumer: string, count: number): StreamEntry[] {
    const stream = this.stream(name);
    const state = this.group(stream, group);
    const fresh = stream.entries
      .filter((entry) => compareIds(entry.id, state.lastDelivered) > 0)
      .slice(0, count);
    for (const entry of fresh) {
      state.pending.set(entry.id, { consumer, deliveredAt: Date.now(), deliveries: 1 });
      state.lastDelivered = entry.id;
    }
    return fresh;
  }

  /**
   * XAUTOCLAIM: takes over entries pending longer than `minIdleMs`; trimmed ones are dropped, and
   * those already delivered `maxDeliveries` times are moved to the dead-letter stream.
   */
  claimIdle(
    name: string,
    group: string,
    consumer: string,
    minIdleMs: number,
    count: number,
    maxDeliveries: number,
  ): StreamEntry[] {
    const stream = this.stream(name);
    const state = this.group(stream, group);
    const now = Date.now();
    const claimed: StreamEntry[] = [];
    for (const [id, pending] of state.pending) {
      if (claimed.length >= count) {
        break;
      }
      if (now - pending.deliveredAt < minIdleMs) {
        continue;
      }
      const entry = stream.entries.find((candidate) => candidate.id === id);
      if (!entry) {
        state.pending.delete(id);
        continue;
      }
      if (pending.deliveries >= maxDeliveries) {
        void this.append(
          deadLetterStream(name),
          deadLetterFields(entry.fields, id, `handler failed on ${pending.deliveries} deliveries`),
        );
        state.pending.delete(id);
        continue;
      }
      state.pending.set(id, { consumer, deliveredAt: now, deliveries: pending.deliveries + 1 });
      claimed.push(entry);
    }
    return claimed;
  }

  ack(name: string, group: string, id: string): void {
    this.stream(name).groups.get(group)?.pending.delete(id);
  }

  /** Resolves on the next append or after `ms`, whichever comes first. */
  waitForAppend(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private stream(name: string): Stream {
    let stream = this.streams.get(name);
    if (!stream) {
      stream = { entries: [], groups: new Map(), lastMs: 0, lastSeq: 0 };
      this.streams.set(name, stream);
    }
    return stream;
  }

  private group(stream: Stream, group: string): Group {
    const state = stream.groups.get(group);
    if (!state) {
      throw new Error(`NOGROUP ${group}`);
    }
    return state;
  }

  private idBefore(stream: Stream, index: number): string {
    return index === 0 ? '0-0' : stream.entries[index - 1].id;
  }
}

/** Orders `<ms>-<seq>` ids: ms first, then seq. */
function compareIds(a: string, b: string): number {
  const [aMs, aSeq] = a.split('-').map(Number);
  const [bMs, bSeq] = b.split('-').map(Number);
  return aMs - bMs || aSeq - bSeq;
}

class MemoryStreamConsumer {
  private readonly logger = new Logger(MemoryStreamAdapter.name);
  private readonly stopping = new AbortController();
  private loop?: Promise<void>;

  constructor(
    private readonly adapter: MemoryStreamAdapter,
    private readonly options: ConsumeOptions,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { streams, group, consumer } = this.options;
    const batchSize = this.options.batchSize ?? DEFAULT_CONSUME.batchSize;
    const blockMs = this.options.blockMs ?? DEFAULT_CONSUME.blockMs;
    const reclaimIdleMs = this.options.reclaimIdleMs ?? DEFAULT_CONSUME.reclaimIdleMs;
    const maxDeliveries = this.options.maxDeliveries ?? DEFAULT_CONSUME.maxDeliveries;
    let lastReclaim = 0;
    while (!this.stopping.signal.aborted) {
      const batch: StreamEntry[] = [];
      if (Date.now() - lastReclaim >= reclaimIdleMs) {
        lastReclaim = Date.now();
        streams.forEach((name) =>
          batch.push(
            ...this.adapter.claimIdle(
              name,
              group,
              consumer,
              reclaimIdleMs,
              batchSize,
              maxDeliveries,
            ),
          ),
        );
      }
      streams.forEach((name) =>
        batch.push(...this.adapter.readNew(name, group, consumer, batchSize)),
      );
      if (batch.length === 0) {
        await this.adapter.waitForAppend(Math.min(blockMs, reclaimIdleMs), this.stopping.signal);
      }
      for (const entry of batch) {
        await this.handle(entry);
      }
    }
  }

  private async handle(entry: StreamEntry): Promise<void> {
    try {
      await this.options.handler(entry);
      this.adapter.ack(entry.stream, this.options.group, entry.id);
    } catch (error) {
      this.logger.warn(
        `${this.options.consumer} left ${entry.stream} ${entry.id} pending: ${String(error)}`,
      );
    }
  }
}
