import type { SimEvent } from './records';

/** What changed since the transport layer last drained it (after every request and tick). */
export class EventQueue {
  private events: SimEvent[] = [];

  push(event: SimEvent): void {
    this.events.push(event);
  }

  drain(): SimEvent[] {
    const drained = this.events;
    this.events = [];
    return drained;
  }
}
