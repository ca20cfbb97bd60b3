import { Logger } from '@nestjs/common';

import { deadLetterStream } from '../topics';
import { MemoryStreamLog } from './memory-stream-log';
import { deadLetterFields } from './stream-names';
import {
  AppendOptions,
  consumedBy,
  ConsumedStream,
  ConsumeOptions,
  DEFAULT_CONSUME,
  DEFAULT_MAX_LEN,
  GroupBacklog,
  StreamConsumer,
  StreamEntry,
  StreamFields,
  StreamPort,
  toFields,
} from './stream.port';

interface Pending {
  position: number;
  consumer: string;
  deliveredAt: number;
  deliveries: number;
}

interface Group {
  /** Position of the next entry nobody in the group has seen (Redis's last-delivered id + 1). */
  next: number;
  pending: Map<string, Pending>;
}

interface Stream {
  log: MemoryStreamLog;
  groups: Map<string, Group>;
  /** Consumers of this stream waiting for an append. */
  wakers: Set<() => void>;
  lastMs: number;
  lastSeq: number;
}

/** In-process streams with Redis consumer-group semantics, for the all-in-one app and tests. */
export class MemoryStreamAdapter extends StreamPort {
  private readonly streams = new Map<string, Stream>();
  private readonly consumers = new Set<MemoryStreamConsumer>();

  constructor(private readonly defaultMaxLen = DEFAULT_MAX_LEN) {
    super();
  }

  append(name: string, data: StreamFields | object, options: AppendOptions = {}): Promise<string> {
    const stream = this.stream(name);
    const now = Date.now();
    stream.lastSeq = now > stream.lastMs ? 0 : stream.lastSeq + 1;
    stream.lastMs = Math.max(now, stream.lastMs);
    const id = `${stream.lastMs}-${stream.lastSeq}`;
    stream.log.append(
      { stream: name, id, fields: { ...toFields(data) } },
      options.maxLen ?? this.defaultMaxLen,
    );
    stream.wakers.forEach((wake) => wake());
    return Promise.resolve(id);
  }

  consume(options: ConsumeOptions): Promise<StreamConsumer> {
    for (const name of options.streams) {
      const stream = this.stream(name);
      if (!stream.groups.has(options.group)) {
        const onlyNew = (options.startId ?? DEFAULT_CONSUME.startId) === '$';
        stream.groups.set(options.group, {
          next: onlyNew ? stream.log.end : stream.log.first,
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
    return Promise.resolve(this.streams.get(name)?.log.length ?? 0);
  }

  list(prefix: string): Promise<string[]> {
    return Promise.resolve(
      [...this.streams.keys()].filter((name) => name.startsWith(prefix)).sort(),
    );
  }

  pending(name: string, group: string): Promise<number> {
    return Promise.resolve(this.stream(name).groups.get(group)?.pending.size ?? 0);
  }

  backlog(name: string, group: string): Promise<GroupBacklog> {
    const stream = this.streams.get(name);
    const state = stream?.groups.get(group);
    if (!stream || !state) {
      return Promise.resolve({ unread: stream?.log.length ?? 0, pending: 0 });
    }
    const unread = stream.log.end - Math.max(state.next, stream.log.first);
    return Promise.resolve({ unread, pending: state.pending.size });
  }

  consumed(): ConsumedStream[] {
    return consumedBy([...this.consumers].map((consumer) => consumer.options));
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    this.consumers.clear();
  }

  /**
   * Delivers up to `count` entries nobody in the group has seen and marks them pending: read from
   * the group's cursor, O(count) whatever the stream's length.
   */
  readNew(name: string, group: string, consumer: string, count: number): StreamEntry[] {
    const stream = this.stream(name);
    const state = this.group(stream, group);
    const { entries, next } = stream.log.from(state.next, count);
    const deliveredAt = Date.now();
    entries.forEach((entry, index) =>
      state.pending.set(entry.id, {
        position: next - entries.length + index,
        consumer,
        deliveredAt,
        deliveries: 1,
      }),
    );
    state.next = next;
    return entries;
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
      const entry = stream.log.at(pending.position);
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
      state.pending.set(id, {
        ...pending,
        consumer,
        deliveredAt: now,
        deliveries: pending.deliveries + 1,
      });
      claimed.push(entry);
    }
    return claimed;
  }

  ack(name: string, group: string, id: string): void {
    this.stream(name).groups.get(group)?.pending.delete(id);
  }

  /** Resolves on the next append to one of `names` or after `ms`, whichever comes first. */
  waitForAppend(names: readonly string[], ms: number, signal: AbortSignal): Promise<void> {
    const wakers = names.map((name) => this.stream(name).wakers);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakers.forEach((set) => set.delete(done));
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.forEach((set) => set.add(done));
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private stream(name: string): Stream {
    let stream = this.streams.get(name);
    if (!stream) {
      stream = {
        log: new MemoryStreamLog(),
        groups: new Map(),
        wakers: new Set(),
        lastMs: 0,
        lastSeq: 0,
      };
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
}

class MemoryStreamConsumer {
  private readonly logger = new Logger(MemoryStreamAdapter.name);
  private readonly stopping = new AbortController();
  private loop?: Promise<void>;

  constructor(
    private readonly adapter: MemoryStreamAdapter,
    readonly options: ConsumeOptions,
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
        await this.adapter.waitForAppend(
          streams,
          Math.min(blockMs, reclaimIdleMs),
          this.stopping.signal,
        );
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
