import { ClientProxy } from '@nestjs/microservices';
import { lastValueFrom, timeout, TimeoutError } from 'rxjs';

import { Envelope } from './envelope';
import { MessageBusPort } from './message-bus.port';
import { MessagingError, RequestFailedError, RequestTimeoutError } from './messaging.errors';
import { Topic } from './topics';
import { TransportRecord } from './transport-record';

/**
 * MessageBusPort over any Nest ClientProxy whose packets are `{ key, value }` records: the memory
 * client now, ClientKafka later (which also needs subscribeToResponseOf for request topics).
 */
export class ClientProxyMessageBus extends MessageBusPort {
  constructor(
    private readonly client: ClientProxy,
    private readonly requestTimeoutMs: number,
  ) {
    super();
  }

  protected async send(topic: Topic, envelope: Envelope): Promise<void> {
    await lastValueFrom(this.client.emit(topic, toRecord(envelope)), { defaultValue: undefined });
  }

  protected async exchange(
    topic: Topic,
    envelope: Envelope,
    timeoutMs = this.requestTimeoutMs,
  ): Promise<unknown> {
    try {
      return await lastValueFrom(
        this.client.send<unknown>(topic, toRecord(envelope)).pipe(timeout(timeoutMs)),
      );
    } catch (error) {
      if (error instanceof TimeoutError) {
        throw new RequestTimeoutError(topic, timeoutMs);
      }
      if (error instanceof MessagingError) {
        throw error;
      }
      throw new RequestFailedError(topic, error instanceof Error ? error.message : String(error));
    }
  }
}

export function toRecord(envelope: Envelope): TransportRecord {
  return { key: envelope.key, value: JSON.stringify(envelope) };
}
