import { once } from 'node:events';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

import { backoffDelay, sleep } from '@nexwave/core';

import { SendBatcher } from '../send-batcher';
import { deadLetterStream } from '../topics';
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

/** Waits between failed reads while Redis is unreachable. */
const READ_RETRY = { baseDelayMs: 100, maxDelayMs: 5_000 };

type RawEntry = [id: string, flat: string[]] | null;

/** The arguments of one XADD after the stream name. */
type XaddArgs = [stream: string, ...args: string[]];

/**
 * Redis streams: XADD with MAXLEN ~, consumer groups (XGROUP CREATE MKSTREAM), XREADGROUP with
 * BLOCK on a connection of its own per consumer, XACK after the handler, XAUTOCLAIM of idle
 * pending entries. The caller owns `redis`; each consumer duplicates it for its blocking reads.
 * Appends made in the same tick go to Redis as one pipeline (not a transaction), in call order.
 */
export class RedisStreamAdapter extends StreamPort {
  private readonly consumers = new Set<RedisStreamConsumer>();
  private readonly appends = new SendBatcher<XaddArgs, string>((batch) => this.xaddAll(batch));

  constructor(
    private readonly redis: Redis,
    private readonly defaultMaxLen = DEFAULT_MAX_LEN,
  ) {
    super();
  }

  async append(
    stream: string,
    data: StreamFields | object,
    options: AppendOptions = {},
  ): Promise<string> {
    const flat = Object.entries(toFields(data)).flat();
    const maxLen = String(options.maxLen ?? this.defaultMaxLen);
    return this.appends.submit([stream, 'MAXLEN', '~', maxLen, '*', ...flat]);
  }

  private async xaddAll(batch: readonly XaddArgs[]): Promise<(string | Error)[]> {
    const pipeline = this.redis.pipeline();
    batch.forEach((args) => pipeline.xadd(...args));
    const results = (await pipeline.exec()) ?? [];
    return batch.map((_, i) => {
      const [error, id] = results[i] ?? [new Error('XADD got no reply'), null];
      return error ?? (id as string);
    });
  }

  async consume(options: ConsumeOptions): Promise<StreamConsumer> {
    const consumer = new RedisStreamConsumer(this.redis, options);
    await consumer.ensureGroups();
    this.consumers.add(consumer);
    consumer.start();
    return {
      stop: async () => {
        await consumer.stop();
        this.consumers.delete(consumer);
      },
    };
  }

  length(stream: string): Promise<number> {
    return this.redis.xlen(stream);
  }

  async list(prefix: string): Promise<string[]> {
    const names = new Set<string>();
    const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(
        cursor,
        'MATCH',
        pattern,
        'COUNT',
        1000,
        'TYPE',
        'stream',
      );
      batch.forEach((name) => names.add(name));
      cursor = next;
    } while (cursor !== '0');
    return [...names].sort();
  }

  async pending(stream: string, group: string): Promise<number> {
    const [count] = (await this.redis.xpending(stream, group)) as [number, ...unknown[]];
    return count;
  }

  /** XINFO GROUPS: the group's `lag` (Redis 7) and `pending`; a missing group has read nothing. */
  async backlog(stream: string, group: string): Promise<GroupBacklog> {
    const groups = (await this.redis.xinfo('GROUPS', stream).catch((error: unknown) => {
      if (String(error).includes('no such key')) {
        return [];
      }
      throw error;
    })) as unknown[][];
    const info = groups.map(toRecordOf).find((fields) => fields['name'] === group);
    if (!info) {
      return { unread: await this.redis.xlen(stream), pending: 0 };
    }
    const lag = info['lag'];
    return { unread: typeof lag === 'number' ? lag : null, pending: Number(info['pending']) };
  }

  consumed(): ConsumedStream[] {
    return consumedBy([...this.consumers].map((consumer) => consumer.options));
  }

  /** Stops every consumer; the shared connection is left to its owner. */
  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    this.consumers.clear();
  }
}

class RedisStreamConsumer {
  private readonly logger = new Logger(RedisStreamAdapter.name);
  private readonly blocking: Redis;
  private stopped = false;
  /** Cuts short the wait after a failed read when the consumer stops. */
  private readonly abort = new AbortController();
  private stopping?: Promise<void>;
  private loop?: Promise<void>;

  constructor(
    private readonly redis: Redis,
    readonly options: ConsumeOptions,
  ) {
    this.blocking = redis.duplicate();
    // Connection errors are retried by ioredis and by the loop below; do not crash on them.
    this.blocking.on('error', (error: Error) =>
      this.logger.warn(`Redis stream connection: ${error.message}`),
    );
  }

  /** XGROUP CREATE ... MKSTREAM; an existing group (BUSYGROUP) is fine. */
  async ensureGroups(): Promise<void> {
    const startId = this.options.startId ?? DEFAULT_CONSUME.startId;
    for (const stream of this.options.streams) {
      try {
        await this.redis.xgroup('CREATE', stream, this.options.group, startId, 'MKSTREAM');
      } catch (error) {
        if (!String(error).includes('BUSYGROUP')) {
          throw error;
        }
      }
    }
  }

  start(): void {
    this.loop = this.run();
  }

  /** Idempotent: a second call waits for the first. */
  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  private async shutDown(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    const closed = this.blocking.status === 'end' ? Promise.resolve() : once(this.blocking, 'end');
    this.blocking.disconnect();
    await Promise.all([this.loop, closed]);
  }

  private async run(): Promise<void> {
    const reclaimIdleMs = this.options.reclaimIdleMs ?? DEFAULT_CONSUME.reclaimIdleMs;
    let lastReclaim = 0;
    let failures = 0;
    while (!this.stopped) {
      try {
        if (Date.now() - lastReclaim >= reclaimIdleMs) {
          lastReclaim = Date.now();
          await this.reclaim(reclaimIdleMs);
        }
        await this.readNew(
          Math.min(this.options.blockMs ?? DEFAULT_CONSUME.blockMs, reclaimIdleMs),
        );
        failures = 0;
      } catch (error) {
        if (this.stopped) {
          break;
        }
        failures++;
        if (String(error).includes('NOGROUP')) {
          // Redis lost the stream or group (restart without persistence, eviction): recreate it.
          this.logger.warn(`Recreating group ${this.options.group}: ${String(error)}`);
          await this.ensureGroups().catch(() => undefined);
        } else {
          this.logger.warn(`Stream read failed (${failures}): ${String(error)}`);
          await sleep(backoffDelay(failures, READ_RETRY), this.abort.signal);
        }
      }
    }
  }

  private async readNew(blockMs: number): Promise<void> {
    const { streams, group, consumer } = this.options;
    const reply = (await this.blocking.xreadgroup(
      'GROUP',
      group,
      consumer,
      'COUNT',
      this.options.batchSize ?? DEFAULT_CONSUME.batchSize,
      'BLOCK',
      blockMs,
      'STREAMS',
      ...streams,
      ...streams.map(() => '>'),
    )) as [stream: string, entries: RawEntry[]][] | null;
    for (const [stream, entries] of reply ?? []) {
      const handled: string[] = [];
      for (const raw of entries) {
        if (raw && (await this.handle(stream, raw))) {
          handled.push(raw[0]);
        }
      }
      await this.ack(stream, handled);
    }
  }

  /** One XACK for the handled entries of a read: a round trip per read, not per entry. */
  private async ack(stream: string, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) {
      await this.redis.xack(stream, this.options.group, ...ids);
    }
  }

  /** XAUTOCLAIM walks the whole pending list of each stream, taking entries idle long enough. */
  private async reclaim(minIdleMs: number): Promise<void> {
    const { group, consumer } = this.options;
    for (const stream of this.options.streams) {
      let cursor = '0-0';
      do {
        const [next, entries] = (await this.redis.xautoclaim(
          stream,
          group,
          consumer,
          minIdleMs,
          cursor,
          'COUNT',
          this.options.batchSize ?? DEFAULT_CONSUME.batchSize,
        )) as [string, RawEntry[]];
        const handled: string[] = [];
        for (const raw of entries) {
          if (!raw || (await this.deadLetterIfPoison(stream, raw))) {
            continue;
          }
          if (await this.handle(stream, raw)) {
            handled.push(raw[0]);
          }
        }
        await this.ack(stream, handled);
        cursor = next;
      } while (cursor !== '0-0' && !this.stopped);
    }
  }

  /**
   * XAUTOCLAIM counted one more delivery: past `maxDeliveries` the entry goes to `<stream>.dlq`
   * with the reason and is acknowledged, instead of failing again forever.
   */
  private async deadLetterIfPoison(
    stream: string,
    [id, flat]: [string, string[]],
  ): Promise<boolean> {
    const maxDeliveries = this.options.maxDeliveries ?? DEFAULT_CONSUME.maxDeliveries;
    const [pending] = (await this.redis.xpending(stream, this.options.group, id, id, 1)) as [
      string,
      string,
      number,
      number,
    ][];
    const deliveries = pending?.[3] ?? 0;
    if (deliveries <= maxDeliveries) {
      return false;
    }
    const fields = deadLetterFields(
      toRecord(flat),
      id,
      `handler failed on ${deliveries - 1} deliveries`,
    );
    // One transaction: the entry is never both dead-lettered and still pending, nor neither.
    await this.redis
      .multi()
      .xadd(deadLetterStream(stream), '*', ...Object.entries(fields).flat())
      .xack(stream, this.options.group, id)
      .exec();
    this.logger.warn(
      `${stream} ${id} moved to ${deadLetterStream(stream)}: ${fields['dlq_reason']}`,
    );
    return true;
  }

  /** Whether the handler succeeded, so that the entry may be acknowledged. */
  private async handle(stream: string, [id, flat]: [string, string[]]): Promise<boolean> {
    const entry: StreamEntry = { stream, id, fields: toRecord(flat) };
    try {
      await this.options.handler(entry);
      return true;
    } catch (error) {
      this.logger.warn(`${this.options.consumer} left ${stream} ${id} pending: ${String(error)}`);
      return false;
    }
  }
}

function toRecordOf(flat: unknown[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) {
    fields[String(flat[i])] = flat[i + 1];
  }
  return fields;
}

function toRecord(flat: string[]): StreamFields {
  const fields: StreamFields = {};
  for (let i = 0; i + 1 < flat.length; i += 2) {
    fields[flat[i]] = flat[i + 1];
  }
  return fields;
}
