import { ClientProxyMessageBus } from '../src/client-proxy-message-bus.adapter';
import { Envelope } from '../src/envelope';
import { Topic } from '../src/topics';

/**
 * The real memory transport whose sends, while `holding`, stop after the broker took the message
 * and wait for `release()`: a slow broker's ack, or a relay that died right after publishing.
 */
export class HeldBus extends ClientProxyMessageBus {
  holding = true;
  /** Sends that reached the broker and are being held. */
  held = 0;
  private released!: () => void;
  private readonly release$ = new Promise<void>((resolve) => (this.released = resolve));

  release(): void {
    this.holding = false;
    this.released();
  }

  protected override async send(topic: Topic, envelope: Envelope): Promise<void> {
    await super.send(topic, envelope);
    if (this.holding) {
      this.held++;
      await this.release$;
    }
  }
}
