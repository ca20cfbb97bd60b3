import { StreamEntry } from './stream.port';

/**
 * The retained entries of one in-memory stream, addressed by position: the n-th entry ever
 * appended has position n, whatever was trimmed since. Append, trim and lookup by position are
 * O(1) (amortised), so a group reads from its cursor instead of searching the stream.
 */
export class MemoryStreamLog {
  private entries: StreamEntry[] = [];
  /** Index in `entries` of the oldest retained entry; the ones before it are trimmed. */
  private head = 0;
  /** Position of `entries[0]`. */
  private base = 0;

  get length(): number {
    return this.entries.length - this.head;
  }

  /** Position of the oldest retained entry. */
  get first(): number {
    return this.base + this.head;
  }

  /** Position the next appended entry will have. */
  get end(): number {
    return this.base + this.entries.length;
  }

  append(entry: StreamEntry, maxLen: number): void {
    this.entries.push(entry);
    this.head += Math.max(0, this.length - maxLen);
    // Drop the trimmed prefix once it is as long as what is kept: each entry is copied O(1) times.
    if (this.head > 0 && this.head >= this.length) {
      this.entries = this.entries.slice(this.head);
      this.base += this.head;
      this.head = 0;
    }
  }

  /** The entry at `position`, or undefined if it was trimmed or not appended yet. */
  at(position: number): StreamEntry | undefined {
    return position < this.first ? undefined : this.entries[position - this.base];
  }

  /** Up to `count` entries from `position` on (from the oldest retained one if it was trimmed). */
  from(position: number, count: number): { entries: StreamEntry[]; next: number } {
    const start = Math.max(position, this.first) - this.base;
    const entries = this.entries.slice(start, start + count);
    return { entries, next: this.base + start + entries.length };
  }
}
