import { ErrorCode } from '../protocol/error-codes';
import {
  decodeRecordBatches,
  encodeRecordBatch,
  KafkaRecord,
  RecordBatchError,
} from '../protocol/record-batch';
import { ByteReader, ByteWriter } from '../protocol/wire';
import { BrokerState } from '../state/broker-state';
import { ApiHandler } from './api-handler';

interface ProduceResult {
  partition: number;
  errorCode: ErrorCode;
  baseOffset: number;
}

/** Produce v7. With acks=0 the client expects no response at all. */
export const handleProduce: ApiHandler = (body, _context, state) => {
  body.nullableString(); // transactional id: transactional batches are rejected by the decoder
  const acks = body.int16();
  body.int32(); // timeout: appends are synchronous
  const topics = body.array((t) => ({
    name: t.string(),
    partitions: t.array((p) => ({ partition: p.int32(), recordSet: p.nullableBytes() })),
  }));
  const results = topics.map(({ name, partitions }) => ({
    name,
    partitions: partitions.map(({ partition, recordSet }) =>
      append(state, name, partition, recordSet ?? Buffer.alloc(0)),
    ),
  }));
  if (acks === 0) {
    return null;
  }
  return new ByteWriter()
    .array(results, (w, { name, partitions }) =>
      w
        .string(name)
        .array(partitions, (pw, r) =>
          pw.int32(r.partition).int16(r.errorCode).int64(r.baseOffset).int64(-1).int64(0),
        ),
    )
    .int32(0);
};

function append(
  state: BrokerState,
  topic: string,
  partition: number,
  recordSet: Buffer,
): ProduceResult {
  const log = state.partition(topic, partition);
  if (!log) {
    return { partition, errorCode: ErrorCode.UnknownTopicOrPartition, baseOffset: -1 };
  }
  try {
    const baseOffset = log.append(decodeRecordBatches(recordSet));
    return { partition, errorCode: ErrorCode.None, baseOffset };
  } catch (error) {
    if (error instanceof RecordBatchError) {
      return { partition, errorCode: error.code, baseOffset: -1 };
    }
    throw error;
  }
}

interface FetchPartitionRequest {
  partition: number;
  fetchOffset: number;
  maxBytes: number;
}

interface FetchTopicRequest {
  name: string;
  partitions: FetchPartitionRequest[];
}

interface FetchPartitionResult {
  partition: number;
  errorCode: ErrorCode;
  highWatermark: number;
  logStartOffset: number;
  fetchOffset: number;
  records: KafkaRecord[];
}

function readFetchTopic(t: ByteReader): FetchTopicRequest {
  return {
    name: t.string(),
    partitions: t.array((p) => {
      const partition = p.int32();
      p.int32(); // current leader epoch
      const fetchOffset = p.int64();
      p.int64(); // follower log start offset
      return { partition, fetchOffset, maxBytes: p.int32() };
    }),
  };
}

/**
 * Fetch v11 with long polling: answers at once when an error occurs or at least `minBytes` are
 * available, otherwise when an append brings enough data or when `maxWaitTime` runs out.
 * Fetch sessions are not supported: every fetch is a full fetch (session id 0).
 */
export const handleFetch: ApiHandler = async (body, { signal }, state) => {
  body.int32(); // replica id
  const maxWaitMs = body.int32();
  const minBytes = body.int32();
  const maxBytes = body.int32();
  body.int8(); // isolation level: there are no transactions, so both levels read the same
  body.int32(); // session id
  body.int32(); // session epoch
  const topics = body.array(readFetchTopic);
  body.array((t) => [t.string(), t.array((p) => p.int32())]); // forgotten topics
  body.string(); // rack id

  const collect = () => collectFetch(state, topics, maxBytes);
  let result = collect();
  if (!result.hasError && result.bytes < minBytes && maxWaitMs > 0) {
    const satisfied = await waitForData(state, topics, signal, maxWaitMs, () => {
      const next = collect();
      return next.hasError || next.bytes >= minBytes ? next : null;
    });
    if (signal.aborted) {
      return null;
    }
    result = satisfied ?? collect();
  }
  return writeFetchResponse(result.topics);
};

function collectFetch(state: BrokerState, topics: FetchTopicRequest[], maxBytes: number) {
  let bytes = 0;
  let hasError = false;
  const results = topics.map(({ name, partitions }) => ({
    name,
    partitions: partitions.map(
      ({ partition, fetchOffset, maxBytes: partitionMaxBytes }): FetchPartitionResult => {
        const log = state.partition(name, partition);
        const base = { partition, fetchOffset, records: [] };
        if (!log) {
          hasError = true;
          return {
            ...base,
            errorCode: ErrorCode.UnknownTopicOrPartition,
            highWatermark: -1,
            logStartOffset: -1,
          };
        }
        const { highWatermark, logStartOffset } = log;
        if (fetchOffset < logStartOffset || fetchOffset > highWatermark) {
          hasError = true;
          return { ...base, errorCode: ErrorCode.OffsetOutOfRange, highWatermark, logStartOffset };
        }
        const read = log.read(
          fetchOffset,
          Math.min(partitionMaxBytes, maxBytes - bytes),
          bytes === 0,
        );
        bytes += read.bytes;
        return {
          ...base,
          errorCode: ErrorCode.None,
          highWatermark,
          logStartOffset,
          records: read.records,
        };
      },
    ),
  }));
  return { topics: results, bytes, hasError };
}

type FetchCollection = ReturnType<typeof collectFetch>;

/** Resolves with the first satisfying collection after an append, or null on timeout/abort. */
function waitForData(
  state: BrokerState,
  topics: FetchTopicRequest[],
  signal: AbortSignal,
  maxWaitMs: number,
  check: () => FetchCollection | null,
): Promise<FetchCollection | null> {
  if (signal.aborted) {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const unsubscribers: (() => void)[] = [];
    let scheduled = false;
    const finish = (value: FetchCollection | null) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      resolve(value);
    };
    const onAbort = () => finish(null);
    // Re-check once per burst of appends, after the producing request has appended everything.
    const onAppend = () => {
      if (scheduled) {
        return;
      }
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        const satisfied = check();
        if (satisfied) {
          finish(satisfied);
        }
      });
    };
    const timer = setTimeout(() => finish(null), maxWaitMs);
    signal.addEventListener('abort', onAbort);
    for (const { name, partitions } of topics) {
      for (const { partition } of partitions) {
        const log = state.partition(name, partition);
        if (log) {
          unsubscribers.push(log.onAppend(onAppend));
        }
      }
    }
  });
}

function writeFetchResponse(topics: FetchCollection['topics']): ByteWriter {
  return new ByteWriter(1024)
    .int32(0) // throttle time
    .int16(ErrorCode.None)
    .int32(0) // session id
    .array(topics, (w, { name, partitions }) =>
      w.string(name).array(partitions, (pw, p) => {
        pw.int32(p.partition)
          .int16(p.errorCode)
          .int64(p.highWatermark)
          .int64(p.highWatermark) // last stable offset: no transactions
          .int64(p.logStartOffset)
          .array([], () => undefined) // aborted transactions
          .int32(-1); // preferred read replica
        pw.bytes(
          p.records.length > 0 ? encodeRecordBatch(p.fetchOffset, p.records) : Buffer.alloc(0),
        );
      }),
    );
}
