import { ClientProxy, ReadPacket, WritePacket } from '@nestjs/microservices';

import { TransportRecord } from '../transport-record';
import { InMemoryBroker } from './in-memory-broker';

/** Nest ClientProxy over the in-process broker; packets carry `{ key, value }` like Kafka messages. */
export class MemoryClientProxy extends ClientProxy {
  constructor(private readonly broker: InMemoryBroker) {
    super();
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  close(): void {}

  unwrap<T>(): T {
    return this.broker as T;
  }

  protected publish(
    packet: ReadPacket<TransportRecord>,
    callback: (packet: WritePacket) => void,
  ): () => void {
    let cancelled = false;
    this.broker.request(packet.pattern as string, packet.data).then(
      (response: unknown) => !cancelled && callback({ response, isDisposed: true }),
      (err: unknown) => !cancelled && callback({ err, isDisposed: true }),
    );
    return () => {
      cancelled = true;
    };
  }

  protected dispatchEvent<T = void>(packet: ReadPacket<TransportRecord>): Promise<T> {
    this.broker.publish(packet.pattern as string, packet.data);
    return Promise.resolve(undefined as T);
  }
}
