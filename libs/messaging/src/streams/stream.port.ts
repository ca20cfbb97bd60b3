export type StreamFields = Record<string, string>;

export interface StreamEntry {
  stream: string;
  /** `<ms>-<seq>`, increasing within a stream. */
  id: string;
  fields: StreamFields;
}

export type StreamHandler = (entry: StreamEntry) => Promise<void>;

export interface ConsumeOptions {
  streams: readonly string[];
  group: string;
  /** The group's `group` label in metrics, where `group` is unique per process. Default: `group`. */
  metricsGroup?: string;
  /** Unique per process within the group: its pending entries are owned by this name. */
  consumer: string;
  handler: StreamHandler;
  /** Entries per read. Default 10. */
  batchSize?: number;
  /** Longest wait for new entries before checking for idle pending ones. Default 1000 ms. */
  blockMs?: number;
  /** Pending entries idle this long (their consumer died or failed) are claimed by this one. Default 30 s. */
  reclaimIdleMs?: number;
  /** Where a new group starts: `0` = every retained entry, `$` = only new ones. Default `0`. */
  startId?: '0' | '$';
  /**
   * An entry whose handler failed this many deliveries is moved to `<stream>.dlq` (with the
   * reason and its original id) and acknowledged, so one poison entry is not retried forever.
   * Default 5.
   */
  maxDeliveries?: number;
}

export interface StreamConsumer {
  /** Stops reading; resolves once the entry being handled is handled and acknowledged. */
  stop(): Promise<void>;
}

/** Where a consumer group stands on one stream. */
export interface GroupBacklog {
  /** Entries appended and not yet delivered to the group; null when Redis cannot tell (XDEL). */
  unread: number | null;
  /** Entries delivered to the group and not yet acknowledged. */
  pending: number;
}

/** A stream read by a consumer group of this process. */
export interface ConsumedStream {
  stream: string;
  group: string;
  /** The bounded name of the group in metrics. */
  metricsGroup: string;
}

export interface AppendOptions {
  /** Keep about this many entries (Redis trims with `MAXLEN ~`). */
  maxLen?: number;
}

/**
 * Order-book and trade streams with consumer groups: at-least-once delivery, an entry is
 * acknowledged only after its handler succeeds; a failed entry stays pending and is claimed
 * again once idle for `reclaimIdleMs`, by whichever consumer of the group is alive.
 */
export abstract class StreamPort {
  abstract append(
    stream: string,
    data: StreamFields | object,
    options?: AppendOptions,
  ): Promise<string>;

  /** Creates the groups if needed, then starts consuming in the background. */
  abstract consume(options: ConsumeOptions): Promise<StreamConsumer>;

  abstract length(stream: string): Promise<number>;

  /** The names of the existing streams that start with `prefix`, sorted. */
  abstract list(prefix: string): Promise<string[]>;

  /** Entries delivered to the group and not yet acknowledged. */
  abstract pending(stream: string, group: string): Promise<number>;

  abstract backlog(stream: string, group: string): Promise<GroupBacklog>;

  /** The streams and groups this process's running consumers read, each pair once. */
  abstract consumed(): ConsumedStream[];

  abstract close(): Promise<void>;
}

export const DEFAULT_CONSUME = {
  batchSize: 10,
  blockMs: 1_000,
  reclaimIdleMs: 30_000,
  startId: '0',
  maxDeliveries: 5,
} as const;

export const DEFAULT_MAX_LEN = 10_000;

/** Each (stream, group) pair of the given consumers once. */
export function consumedBy(
  consumers: Iterable<Pick<ConsumeOptions, 'streams' | 'group' | 'metricsGroup'>>,
): ConsumedStream[] {
  const pairs = new Map<string, ConsumedStream>();
  for (const { streams, group, metricsGroup } of consumers) {
    for (const stream of streams) {
      pairs.set(`${stream}\0${group}`, { stream, group, metricsGroup: metricsGroup ?? group });
    }
  }
  return [...pairs.values()];
}

/**
 * A flat object of strings is written as stream fields; anything else as one `data` field of JSON
 * (read it back with `entryJson`).
 */
export function toFields(data: StreamFields | object): StreamFields {
  const values = Object.values(data);
  if (values.length > 0 && values.every((value) => typeof value === 'string')) {
    return data as StreamFields;
  }
  return { data: JSON.stringify(data) };
}

export function entryJson(entry: StreamEntry): unknown {
  const { data } = entry.fields;
  if (data === undefined) {
    throw new Error(`Entry ${entry.id} of ${entry.stream} has no data field`);
  }
  return JSON.parse(data) as unknown;
}
