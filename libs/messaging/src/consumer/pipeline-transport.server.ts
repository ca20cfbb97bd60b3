import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';

import { HandlerExtras, HandlerTable } from './handler-table';

/**
 * What every transport strategy of ours shares: Nest registers the @EventPattern/@MessagePattern
 * handlers here, into a HandlerTable the transport then feeds through the ConsumerPipeline.
 */
export abstract class PipelineTransportServer extends Server implements CustomTransportStrategy {
  protected readonly table: HandlerTable;

  protected constructor(group: string) {
    super();
    this.table = new HandlerTable(group);
  }

  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler = false,
    extras: HandlerExtras = {},
  ): void {
    const topic = this.normalizePattern(pattern as string);
    if (this.table.add(topic, callback, isEventHandler, extras)) {
      super.addHandler(topic, callback, isEventHandler, extras);
    }
  }
}
