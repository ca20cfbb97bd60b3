import { ErrorCode } from './error-codes';
import {
  crc32c,
  decodeRecordBatches,
  encodeRecordBatch,
  KafkaRecord,
  RecordBatchError,
} from './record-batch';
import { ByteReader, ByteWriter, varintSize } from './wire';

const records: KafkaRecord[] = [
  {
    timestamp: 1_700_000_000_000,
    key: Buffer.from('BTC'),
    value: Buffer.from('{"v":1}'),
    headers: [],
  },
  { timestamp: 1_699_999_999_000, key: null, value: null, headers: [{ key: 'h', value: null }] },
  {
    timestamp: 1_700_000_000_500,
    key: Buffer.from('ETH'),
    value: Buffer.alloc(300, 7),
    headers: [
      { key: 'correlationId', value: Buffer.from('c-1') },
      { key: 'tag', value: Buffer.from('a') },
      { key: 'tag', value: Buffer.from('b') },
    ],
  },
];

function batchError(code: ErrorCode): Error {
  return expect.objectContaining({ constructor: RecordBatchError, code }) as Error;
}

describe('record batch v2', () => {
  it('computes CRC-32C (Castagnoli) check value', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('decodes what it encodes, including null keys, null values, repeated headers and negative deltas', () => {
    const batch = encodeRecordBatch(42, records);
    expect(decodeRecordBatches(batch)).toEqual(records);
    expect(decodeRecordBatches(Buffer.concat([batch, encodeRecordBatch(45, records)]))).toEqual([
      ...records,
      ...records,
    ]);
  });

  it('rejects a batch whose CRC does not match', () => {
    const batch = encodeRecordBatch(0, records);
    batch[batch.length - 1] ^= 0xff;
    expect(() => decodeRecordBatches(batch)).toThrow(batchError(ErrorCode.CorruptMessage));
  });

  it('rejects compressed batches with UNSUPPORTED_COMPRESSION_TYPE', () => {
    const batch = encodeRecordBatch(0, records);
    batch.writeInt16BE(1, 21); // attributes: gzip
    batch.writeUInt32BE(crc32c(batch.subarray(21)), 17);
    expect(() => decodeRecordBatches(batch)).toThrow(
      batchError(ErrorCode.UnsupportedCompressionType),
    );
  });

  it('rejects a truncated record set as corrupt', () => {
    expect(() => decodeRecordBatches(encodeRecordBatch(0, records).subarray(0, 70))).toThrow(
      batchError(ErrorCode.CorruptMessage),
    );
  });
});

describe('zig-zag varints', () => {
  it.each([0, 1, -1, 63, -64, 64, 300, -300, 2 ** 31 - 1, -(2 ** 31), 2 ** 40, -(2 ** 40)])(
    'round-trips %d',
    (value) => {
      const bytes = new ByteWriter().varint(value).toBuffer();
      expect(bytes).toHaveLength(varintSize(value));
      expect(new ByteReader(bytes).varint()).toBe(value);
    },
  );
});
