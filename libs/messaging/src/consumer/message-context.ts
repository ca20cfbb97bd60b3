import { BaseRpcContext } from '@nestjs/microservices';

import { Envelope } from '../envelope';

/** `@Ctx()` of every message handler, whatever the transport: the envelope, topic and attempt. */
export class MessageContext extends BaseRpcContext<[Envelope, string, number, unknown]> {
  getEnvelope(): Envelope {
    return this.args[0];
  }

  getTopic(): string {
    return this.args[1];
  }

  /** 1 on first delivery, then 2, 3 ... while a retriable error is retried. */
  getAttempt(): number {
    return this.args[2];
  }

  /**
   * The inbox's transaction the handler's writes should join: a TypeORM EntityManager with the
   * database inbox (read it with `inboxEntityManager(context)`), undefined with the memory inbox.
   */
  getTransaction(): unknown {
    return this.args[3];
  }
}
