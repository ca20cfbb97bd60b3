import { ClientProxyMessageBus, toRecord } from '../client-proxy-message-bus.adapter';
import { Envelope } from '../envelope';
import { Topic } from '../topics';
import { InMemoryBroker } from './in-memory-broker';
import { MemoryClientProxy } from './memory.client';

/**
 * The memory client's bus, publishing straight to the broker: an event needs no observable
 * (emit's defer/connectable/Subject per message served nothing in one process). Requests still
 * go through the client proxy. Records stay JSON text, so a handler gets its own copy.
 */
export class MemoryMessageBus extends ClientProxyMessageBus {
  constructor(
    private readonly broker: InMemoryBroker,
    client: MemoryClientProxy,
    requestTimeoutMs: number,
  ) {
    super(client, requestTimeoutMs);
  }

  protected override send(topic: Topic, envelope: Envelope): Promise<void> {
    this.broker.publish(topic, toRecord(envelope));
    return Promise.resolve();
  }
}
