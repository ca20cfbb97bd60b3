/**
 * Kafka wire primitives (big-endian ints, int16-length strings, int32-length bytes and arrays,
 * zig-zag varints) and the size-prefixed framing of requests on a TCP stream.
 */

export class ProtocolError extends Error {}

export class ByteReader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  get remaining(): number {
    return this.buffer.length - this.offset;
  }

  int8(): number {
    this.need(1);
    return this.buffer.readInt8(this.offset++);
  }

  int16(): number {
    this.need(2);
    const value = this.buffer.readInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  int32(): number {
    this.need(4);
    const value = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  uint32(): number {
    this.need(4);
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  /** Offsets and timestamps stay far below 2^53 in a test broker, so a number is exact. */
  int64(): number {
    this.need(8);
    const value = this.buffer.readBigInt64BE(this.offset);
    this.offset += 8;
    return Number(value);
  }

  boolean(): boolean {
    return this.int8() !== 0;
  }

  string(): string {
    const value = this.nullableString();
    if (value === null) {
      throw new ProtocolError('unexpected null string');
    }
    return value;
  }

  nullableString(): string | null {
    const length = this.int16();
    return length < 0 ? null : this.raw(length).toString('utf8');
  }

  nullableBytes(): Buffer | null {
    const length = this.int32();
    return length < 0 ? null : this.raw(length);
  }

  bytes(): Buffer {
    return this.nullableBytes() ?? Buffer.alloc(0);
  }

  /** A null array (length -1) reads as null; callers decide what null means for their API. */
  nullableArray<T>(readItem: (reader: ByteReader) => T): T[] | null {
    const length = this.int32();
    if (length < 0) {
      return null;
    }
    const items: T[] = [];
    for (let i = 0; i < length; i++) {
      items.push(readItem(this));
    }
    return items;
  }

  array<T>(readItem: (reader: ByteReader) => T): T[] {
    return this.nullableArray(readItem) ?? [];
  }

  varint(): number {
    let unsigned = 0;
    let multiplier = 1;
    for (let i = 0; ; i++) {
      if (i >= 10) {
        throw new ProtocolError('varint longer than 10 bytes');
      }
      const byte = this.int8() & 0xff;
      unsigned += (byte & 0x7f) * multiplier;
      if (byte < 0x80) {
        break;
      }
      multiplier *= 0x80;
    }
    return unsigned % 2 === 0 ? unsigned / 2 : -(unsigned + 1) / 2;
  }

  varintBytes(): Buffer | null {
    const length = this.varint();
    return length < 0 ? null : this.raw(length);
  }

  varintString(): string {
    const bytes = this.varintBytes();
    if (bytes === null) {
      throw new ProtocolError('unexpected null varint string');
    }
    return bytes.toString('utf8');
  }

  raw(length: number): Buffer {
    this.need(length);
    const slice = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  private need(length: number): void {
    if (this.offset + length > this.buffer.length) {
      throw new ProtocolError(`truncated message: need ${length} bytes at ${this.offset}`);
    }
  }
}

export class ByteWriter {
  private buffer: Buffer;
  private length = 0;

  constructor(initialCapacity = 256) {
    this.buffer = Buffer.allocUnsafe(initialCapacity);
  }

  get size(): number {
    return this.length;
  }

  int8(value: number): this {
    this.ensure(1);
    this.buffer.writeInt8(value, this.length);
    this.length += 1;
    return this;
  }

  int16(value: number): this {
    this.ensure(2);
    this.buffer.writeInt16BE(value, this.length);
    this.length += 2;
    return this;
  }

  int32(value: number): this {
    this.ensure(4);
    this.buffer.writeInt32BE(value, this.length);
    this.length += 4;
    return this;
  }

  uint32(value: number): this {
    this.ensure(4);
    this.buffer.writeUInt32BE(value, this.length);
    this.length += 4;
    return this;
  }

  int64(value: number): this {
    this.ensure(8);
    this.buffer.writeBigInt64BE(BigInt(value), this.length);
    this.length += 8;
    return this;
  }

  boolean(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  string(value: string | null): this {
    if (value === null) {
      return this.int16(-1);
    }
    const length = Buffer.byteLength(value);
    this.int16(length);
    this.ensure(length);
    this.buffer.write(value, this.length, 'utf8');
    this.length += length;
    return this;
  }

  bytes(value: Buffer | null): this {
    if (value === null) {
      return this.int32(-1);
    }
    return this.int32(value.length).raw(value);
  }

  array<T>(items: readonly T[], writeItem: (writer: this, item: T) => void): this {
    this.int32(items.length);
    for (const item of items) {
      writeItem(this, item);
    }
    return this;
  }

  varint(value: number): this {
    let unsigned = value >= 0 ? value * 2 : -value * 2 - 1;
    this.ensure(10);
    while (unsigned >= 0x80) {
      this.buffer[this.length++] = (unsigned % 0x80) | 0x80;
      unsigned = Math.floor(unsigned / 0x80);
    }
    this.buffer[this.length++] = unsigned;
    return this;
  }

  varintBytes(value: Buffer | null): this {
    if (value === null) {
      return this.varint(-1);
    }
    return this.varint(value.length).raw(value);
  }

  varintString(value: string): this {
    return this.varintBytes(Buffer.from(value, 'utf8'));
  }

  raw(value: Buffer): this {
    this.ensure(value.length);
    value.copy(this.buffer, this.length);
    this.length += value.length;
    return this;
  }

  /** Overwrites 4 bytes written earlier (a length or CRC known only once the body is written). */
  patchUint32(position: number, value: number): this {
    this.buffer.writeUInt32BE(value, position);
    return this;
  }

  view(start = 0, end = this.length): Buffer {
    return this.buffer.subarray(start, end);
  }

  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) {
      return;
    }
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

export function varintSize(value: number): number {
  let unsigned = value >= 0 ? value * 2 : -value * 2 - 1;
  let size = 1;
  while (unsigned >= 0x80) {
    unsigned = Math.floor(unsigned / 0x80);
    size++;
  }
  return size;
}

/** Splits a TCP byte stream into Kafka frames (int32 size followed by that many bytes). */
export class FrameSplitter {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxFrameBytes: number) {}

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) {
        return frames;
      }
      const head = this.contiguous(4);
      const frameSize = head.readInt32BE(0);
      if (frameSize < 0 || frameSize > this.maxFrameBytes) {
        throw new ProtocolError(`invalid frame size ${frameSize}`);
      }
      if (this.buffered < 4 + frameSize) {
        return frames;
      }
      const all = this.contiguous(4 + frameSize);
      frames.push(all.subarray(4, 4 + frameSize));
      this.consume(4 + frameSize);
    }
  }

  /** Joins buffered chunks until the first one holds at least `length` bytes. */
  private contiguous(length: number): Buffer {
    if (this.chunks[0].length < length) {
      this.chunks = [Buffer.concat(this.chunks)];
    }
    return this.chunks[0];
  }

  private consume(length: number): void {
    const first = this.chunks[0];
    if (first.length === length) {
      this.chunks.shift();
    } else {
      this.chunks[0] = first.subarray(length);
    }
    this.buffered -= length;
  }
}
