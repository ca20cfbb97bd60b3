import { Envelope } from '../envelope';
import { InMemoryBroker } from '../memory/in-memory-broker';

/** Records what the in-memory broker delivers on one topic; `waitFor(n)` awaits the n-th message. */
export class MessageRecorder<P = unknown> {
  readonly messages: Envelope<P>[] = [];
  private readonly waiters: { count: number; resolve: (messages: Envelope<P>[]) => void }[] = [];
  private readonly stop: () => void;

  constructor(broker: InMemoryBroker, topic: string) {
    this.stop = broker.subscribe(topic, (record) => {
      this.messages.push(JSON.parse(record.value) as Envelope<P>);
      for (const waiter of this.waiters.filter((w) => this.messages.length >= w.count)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(this.messages);
      }
      return Promise.resolve();
    });
  }

  waitFor(count: number): Promise<Envelope<P>[]> {
    if (this.messages.length >= count) {
      return Promise.resolve(this.messages);
    }
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  close(): void {
    this.stop();
  }
}
