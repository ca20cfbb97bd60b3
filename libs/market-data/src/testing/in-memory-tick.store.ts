import {
  TickStorePort,
  type DeadLetter,
  type GapRecord,
  type TickWriteResult,
} from '../application/ports/tick-store.port';
import type { Tick } from '../domain/tick';

/** The ticks, dead letters and gap records in arrays; a (symbol, trade id, time) is kept once. */
export class InMemoryTickStore extends TickStorePort {
  readonly ticks: Tick[] = [];
  readonly deadLetters: DeadLetter[] = [];
  readonly gaps: GapRecord[] = [];
  private readonly keys = new Set<string>();

  insert(ticks: readonly Tick[]): Promise<TickWriteResult> {
    let inserted = 0;
    for (const tick of ticks) {
      const key = `${tick.symbol}\u0000${tick.tradeId}\u0000${tick.time.getTime()}`;
      if (!this.keys.has(key)) {
        this.keys.add(key);
        this.ticks.push(tick);
        inserted++;
      }
    }
    return Promise.resolve({ inserted, duplicates: ticks.length - inserted });
  }

  deadLetter(letters: readonly DeadLetter[]): Promise<void> {
    this.deadLetters.push(...letters);
    return Promise.resolve();
  }

  recordGap(gap: GapRecord): Promise<void> {
    this.gaps.push(gap);
    return Promise.resolve();
  }
}
