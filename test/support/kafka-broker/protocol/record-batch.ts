import { ErrorCode } from './error-codes';
import { ByteReader, ByteWriter, ProtocolError, varintSize } from './wire';

/**
 * Kafka RecordBatch, magic 2 (the only format kafkajs 2.x produces and expects):
 *   baseOffset int64, batchLength int32, partitionLeaderEpoch int32, magic int8, crc uint32
 *   (CRC-32C of everything after it), attributes int16, lastOffsetDelta int32,
 *   firstTimestamp int64, maxTimestamp int64, producerId int64, producerEpoch int16,
 *   baseSequence int32, records [Record] (int32 count).
 * Record: length varint, attributes int8, timestampDelta varlong, offsetDelta varint,
 *   key varint-bytes, value varint-bytes, headers [key varint-string, value varint-bytes].
 */

export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

export interface KafkaRecord {
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

export class RecordBatchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const MAGIC = 2;
const COMPRESSION_MASK = 0x07;
const TRANSACTIONAL_FLAG = 0x10;
const CONTROL_FLAG = 0x20;
/** Bytes of a batch before its first record: 8 + 4 + 4 + 1 + 4 + 2 + 4 + 8 + 8 + 8 + 2 + 4 + 4. */
export const RECORD_BATCH_OVERHEAD = 61;
const CRC_START = 21;

/** Decodes every batch in a produce request's record set, checking magic, CRC and features. */
export function decodeRecordBatches(recordSet: Buffer): KafkaRecord[] {
  const reader = new ByteReader(recordSet);
  const records: KafkaRecord[] = [];
  while (reader.remaining > 0) {
    try {
      records.push(...decodeBatch(reader));
    } catch (error) {
      if (error instanceof ProtocolError) {
        throw new RecordBatchError(ErrorCode.CorruptMessage, error.message);
      }
      throw error;
    }
  }
  return records;
}

function decodeBatch(reader: ByteReader): KafkaRecord[] {
  reader.int64(); // base offset: the broker assigns offsets
  const batchLength = reader.int32();
  const batch = new ByteReader(reader.raw(batchLength));
  batch.int32(); // partition leader epoch
  const magic = batch.int8();
  if (magic !== MAGIC) {
    throw new RecordBatchError(
      ErrorCode.UnsupportedForMessageFormat,
      `record batch magic ${magic} is not supported (only magic 2)`,
    );
  }
  const crc = batch.uint32();
  const body = batch.raw(batch.remaining);
  if (crc32c(body) !== crc) {
    throw new RecordBatchError(ErrorCode.CorruptMessage, 'record batch CRC-32C mismatch');
  }
  const fields = new ByteReader(body);
  const attributes = fields.int16();
  if ((attributes & COMPRESSION_MASK) !== 0) {
    throw new RecordBatchError(
      ErrorCode.UnsupportedCompressionType,
      `compressed record batches (codec ${attributes & COMPRESSION_MASK}) are not supported`,
    );
  }
  if ((attributes & (TRANSACTIONAL_FLAG | CONTROL_FLAG)) !== 0) {
    throw new RecordBatchError(
      ErrorCode.UnsupportedForMessageFormat,
      'transactional and control batches are not supported',
    );
  }
  fields.int32(); // last offset delta
  const firstTimestamp = fields.int64();
  fields.int64(); // max timestamp
  fields.int64(); // producer id
  fields.int16(); // producer epoch
  fields.int32(); // base sequence
  return fields.array((r) => decodeRecord(new ByteReader(r.raw(r.varint())), firstTimestamp));
}

function decodeRecord(reader: ByteReader, firstTimestamp: number): KafkaRecord {
  reader.int8(); // record attributes: unused
  const timestampDelta = reader.varint();
  reader.varint(); // offset delta: offsets follow record order
  const key = copyOrNull(reader.varintBytes());
  const value = copyOrNull(reader.varintBytes());
  const headerCount = reader.varint();
  const headers: RecordHeader[] = [];
  for (let i = 0; i < headerCount; i++) {
    headers.push({ key: reader.varintString(), value: copyOrNull(reader.varintBytes()) });
  }
  return { timestamp: firstTimestamp + timestampDelta, key, value, headers };
}

/** Copies out of the request buffer so a stored record does not pin the whole request. */
function copyOrNull(bytes: Buffer | null): Buffer | null {
  return bytes === null ? null : Buffer.from(bytes);
}

/** Size of one encoded record including its varint length prefix. */
export function encodedRecordSize(
  record: KafkaRecord,
  timestampDelta: number,
  offsetDelta: number,
): number {
  const bodySize = recordBodySize(record, timestampDelta, offsetDelta);
  return varintSize(bodySize) + bodySize;
}

function recordBodySize(record: KafkaRecord, timestampDelta: number, offsetDelta: number): number {
  let size = 1 + varintSize(timestampDelta) + varintSize(offsetDelta);
  size += bytesSize(record.key) + bytesSize(record.value) + varintSize(record.headers.length);
  for (const header of record.headers) {
    size += bytesSize(Buffer.from(header.key, 'utf8')) + bytesSize(header.value);
  }
  return size;
}

function bytesSize(bytes: Buffer | null): number {
  return bytes === null ? varintSize(-1) : varintSize(bytes.length) + bytes.length;
}

/** Encodes records with consecutive offsets starting at baseOffset as one uncompressed batch. */
export function encodeRecordBatch(baseOffset: number, records: readonly KafkaRecord[]): Buffer {
  const firstTimestamp = records.length > 0 ? records[0].timestamp : -1;
  const maxTimestamp = records.reduce((max, r) => Math.max(max, r.timestamp), firstTimestamp);
  const writer = new ByteWriter(RECORD_BATCH_OVERHEAD + records.length * 64);
  writer.int64(baseOffset).int32(0); // batch length, patched below
  writer.int32(0).int8(MAGIC).uint32(0); // leader epoch, magic, CRC patched below
  writer
    .int16(0)
    .int32(records.length - 1)
    .int64(firstTimestamp)
    .int64(maxTimestamp)
    .int64(-1)
    .int16(-1)
    .int32(-1)
    .int32(records.length);
  records.forEach((record, offsetDelta) => {
    const timestampDelta = record.timestamp - firstTimestamp;
    writer.varint(recordBodySize(record, timestampDelta, offsetDelta));
    writer.int8(0).varint(timestampDelta).varint(offsetDelta);
    writer.varintBytes(record.key).varintBytes(record.value).varint(record.headers.length);
    for (const header of record.headers) {
      writer.varintString(header.key).varintBytes(header.value);
    }
  });
  writer.patchUint32(8, writer.size - 12);
  writer.patchUint32(17, crc32c(writer.view(CRC_START)));
  return writer.toBuffer();
}

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32C (Castagnoli), the checksum of record batches. */
export function crc32c(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    crc = CRC32C_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
