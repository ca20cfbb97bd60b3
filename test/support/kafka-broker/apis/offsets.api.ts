import { ErrorCode } from '../protocol/error-codes';
import { ByteWriter } from '../protocol/wire';
import { BrokerState } from '../state/broker-state';
import { ApiHandler } from './api-handler';

const LATEST = -1;
const EARLIEST = -2;

/** ListOffsets v3: timestamp -1 = latest (high watermark), -2 = earliest, else first offset at or after it. */
export const handleListOffsets: ApiHandler = (body, _context, state) => {
  body.int32(); // replica id
  body.int8(); // isolation level
  const topics = body.array((t) => ({
    name: t.string(),
    partitions: t.array((p) => ({ partition: p.int32(), timestamp: p.int64() })),
  }));
  return new ByteWriter().int32(0).array(topics, (w, { name, partitions }) =>
    w.string(name).array(partitions, (pw, { partition, timestamp }) => {
      const found = lookupOffset(state, name, partition, timestamp);
      pw.int32(partition).int16(found.errorCode).int64(found.timestamp).int64(found.offset);
    }),
  );
};

function lookupOffset(state: BrokerState, topic: string, partition: number, timestamp: number) {
  const log = state.partition(topic, partition);
  if (!log) {
    return { errorCode: ErrorCode.UnknownTopicOrPartition, timestamp: -1, offset: -1 };
  }
  if (timestamp === LATEST || timestamp === EARLIEST) {
    const offset = timestamp === LATEST ? log.highWatermark : log.logStartOffset;
    return { errorCode: ErrorCode.None, timestamp: -1, offset };
  }
  return { errorCode: ErrorCode.None, ...log.offsetForTimestamp(timestamp) };
}

/** OffsetCommit v5, validated against the group's generation and members like Kafka does. */
export const handleOffsetCommit: ApiHandler = (body, _context, state) => {
  const groupId = body.string();
  const generationId = body.int32();
  const memberId = body.string();
  const topics = body.array((t) => ({
    name: t.string(),
    partitions: t.array((p) => ({
      partition: p.int32(),
      offset: p.int64(),
      metadata: p.nullableString(),
    })),
  }));
  const errorCode = state.group(groupId).checkCommit(generationId, memberId);
  if (errorCode === ErrorCode.None) {
    for (const { name, partitions } of topics) {
      for (const { partition, offset, metadata } of partitions) {
        state.commitOffset(groupId, name, partition, { offset, metadata });
      }
    }
  }
  return new ByteWriter()
    .int32(0)
    .array(topics, (w, { name, partitions }) =>
      w.string(name).array(partitions, (pw, { partition }) => pw.int32(partition).int16(errorCode)),
    );
};

/** OffsetFetch v4. A null topic list asks for every committed offset of the group; none = -1. */
export const handleOffsetFetch: ApiHandler = (body, _context, state) => {
  const groupId = body.string();
  const requested = body.nullableArray((t) => ({
    name: t.string(),
    partitions: t.array((p) => p.int32()),
  }));
  const topics = requested ?? committedTopics(state, groupId);
  return new ByteWriter()
    .int32(0)
    .array(topics, (w, { name, partitions }) =>
      w.string(name).array(partitions, (pw, partition) => {
        const committed = state.committedOffset(groupId, name, partition);
        pw.int32(partition)
          .int64(committed?.offset ?? -1)
          .string(committed ? committed.metadata : '')
          .int16(ErrorCode.None);
      }),
    )
    .int16(ErrorCode.None);
};

function committedTopics(
  state: BrokerState,
  groupId: string,
): { name: string; partitions: number[] }[] {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of state.committedOffsets(groupId)) {
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
  }
  return [...byTopic].map(([name, partitions]) => ({ name, partitions }));
}
