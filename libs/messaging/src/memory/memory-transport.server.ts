import { ConsumerPipeline } from '../consumer/consumer-pipeline';
import { PipelineTransportServer } from '../consumer/pipeline-transport.server';
import { RequestFailedError } from '../messaging.errors';
import { InMemoryBroker } from './in-memory-broker';

/**
 * Nest transport strategy over the in-process broker: the same @EventPattern/@MessagePattern
 * handlers as with Kafka, run through the shared consumer pipeline.
 * `app.connectMicroservice({ strategy: app.get(MESSAGING_STRATEGY) })`.
 */
export class MemoryTransportServer extends PipelineTransportServer {
  private readonly stops: (() => void)[] = [];
  private readonly closing = new AbortController();

  constructor(
    private readonly broker: InMemoryBroker,
    private readonly pipeline: ConsumerPipeline,
    private readonly group: string,
  ) {
    super(group);
  }

  listen(callback: (error?: unknown) => void): void {
    for (const topic of this.table.eventTopics()) {
      this.stops.push(
        this.broker.subscribe(topic, async (record) => {
          // In process there is nothing to redeliver: a retry cut short by closing is dropped.
          await this.pipeline.consumeEvent(
            topic,
            record,
            this.group,
            this.table.consumersOf(topic),
            this.closing.signal,
          );
        }),
      );
    }
    for (const topic of this.table.requestTopics()) {
      const invoke = this.table.responderOf(topic);
      if (invoke) {
        this.stops.push(
          this.broker.respond(topic, async (record) => {
            const outcome = await this.pipeline.answerRequest(topic, record, this.group, invoke);
            if (!outcome.ok) {
              throw new RequestFailedError(topic, outcome.reason);
            }
            return outcome.reply;
          }),
        );
      }
    }
    callback();
  }

  /** Stops receiving; handlers waiting to retry give up, the rest finish first. */
  async close(): Promise<void> {
    this.stops.splice(0).forEach((stop) => stop());
    this.closing.abort();
    await this.broker.idle();
  }

  on(): never {
    throw new Error('MemoryTransportServer emits no events');
  }

  unwrap<T>(): T {
    return this.broker as T;
  }
}
