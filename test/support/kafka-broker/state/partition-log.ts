import { encodedRecordSize, KafkaRecord } from '../protocol/record-batch';

/** Slack per record for the offset/timestamp deltas, which depend on the batch a fetch builds. */
const DELTA_SLACK_BYTES = 8;

interface StoredRecord {
  record: KafkaRecord;
  size: number;
}

/** One partition's in-memory log. Offsets start at 0 and nothing is ever truncated. */
export class PartitionLog {
  readonly logStartOffset = 0;
  private readonly records: StoredRecord[] = [];
  private readonly appendListeners = new Set<() => void>();

  get highWatermark(): number {
    return this.records.length;
  }

  /** Appends the records and returns the offset given to the first one. */
  append(records: readonly KafkaRecord[]): number {
    const baseOffset = this.records.length;
    for (const record of records) {
      this.records.push({ record, size: encodedRecordSize(record, 0, 0) + DELTA_SLACK_BYTES });
    }
    if (records.length > 0) {
      for (const listener of [...this.appendListeners]) {
        listener();
      }
    }
    return baseOffset;
  }

  /**
   * Records from `fromOffset` whose estimated encoded size fits in `maxBytes`; with
   * `atLeastOne` the first record is returned even when larger (Kafka's KIP-74 rule).
   */
  read(
    fromOffset: number,
    maxBytes: number,
    atLeastOne: boolean,
  ): { records: KafkaRecord[]; bytes: number } {
    const records: KafkaRecord[] = [];
    let bytes = 0;
    for (let offset = fromOffset; offset < this.records.length; offset++) {
      const stored = this.records[offset];
      const fits = bytes + stored.size <= maxBytes || (atLeastOne && records.length === 0);
      if (!fits) {
        break;
      }
      records.push(stored.record);
      bytes += stored.size;
    }
    return { records, bytes };
  }

  /** The first offset whose timestamp is at or after `timestamp`, or the high watermark. */
  offsetForTimestamp(timestamp: number): { offset: number; timestamp: number } {
    const index = this.records.findIndex((stored) => stored.record.timestamp >= timestamp);
    return index < 0
      ? { offset: this.highWatermark, timestamp: -1 }
      : { offset: index, timestamp: this.records[index].record.timestamp };
  }

  /** Calls `listener` after each append until the returned function is called. */
  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }
}
