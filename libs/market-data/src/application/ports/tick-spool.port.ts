import type { Tick } from '../../domain/tick';
import type { DecodedSpool } from '../../domain/tick-spool';

/**
 * A bounded, durable place for trades the database cannot take now (down, or shutting down).
 * Trades are appended to the open segment; `seal` closes it so that what was spooled so far can
 * be replayed segment by segment, and a segment is removed only once its trades are stored.
 */
export abstract class TickSpoolPort {
  /** Bytes held, sealed and open segments together. */
  abstract get bytes(): number;

  /** True when something is held (known after `open`). */
  abstract get pending(): boolean;

  /** Finds what a previous run left behind. */
  abstract open(): Promise<void>;

  /**
   * Appends, in order, the trades that fit within the bound, durably once resolved; returns those
   * that did not fit (the caller counts and reports them).
   */
  abstract append(ticks: readonly Tick[]): Promise<readonly Tick[]>;

  /** Closes the open segment; lists every sealed segment, oldest first. */
  abstract seal(): Promise<string[]>;

  abstract read(segment: string): Promise<DecodedSpool>;

  abstract remove(segment: string): Promise<void>;

  /** Closes the open segment (a later append opens a new one). */
  abstract close(): Promise<void>;
}
