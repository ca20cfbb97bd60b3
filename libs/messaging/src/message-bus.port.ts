import { contractFor, RequestTopic, TopicPayloads, TopicReplies } from './contracts/registry';
import { describeIssues } from './contracts/validation';
import { createEnvelope, Envelope } from './envelope';
import { InvalidMessageError, RequestFailedError, UnknownTopicError } from './messaging.errors';
import { Topic } from './topics';

export interface PublishOptions {
  /** Overrides the contract's key (symbol or clientOrderId); rarely needed. */
  key?: string;
  correlationId?: string;
  causationId?: string | null;
  /** The message being handled: copies its correlationId and uses its id as causationId. */
  causedBy?: Pick<Envelope, 'id' | 'correlationId'>;
}

export interface RequestOptions extends PublishOptions {
  timeoutMs?: number;
}

/**
 * The only way contexts talk to each other. Payloads are validated against the topic's contract
 * before anything is sent: an invalid message throws InvalidMessageError and never leaves.
 * Adapters implement the two transport calls; this class is also the DI token.
 */
export abstract class MessageBusPort {
  async publish<T extends Topic>(
    topic: T,
    payload: TopicPayloads[T],
    options: PublishOptions = {},
  ): Promise<Envelope<TopicPayloads[T]>> {
    const envelope = sealMessage(topic, payload, options);
    await this.send(topic, envelope);
    return envelope;
  }

  async request<T extends RequestTopic>(
    topic: T,
    payload: TopicPayloads[T],
    options: RequestOptions = {},
  ): Promise<TopicReplies[T]> {
    const envelope = sealMessage(topic, payload, options);
    const reply = await this.exchange(topic, envelope, options.timeoutMs);
    const replySchema = contractFor(topic)?.reply;
    const parsed = replySchema?.safeParse(reply);
    if (!parsed?.success) {
      throw new RequestFailedError(
        topic,
        `invalid reply: ${parsed ? describeIssues(parsed.error) : 'no reply schema'}`,
      );
    }
    return parsed.data as TopicReplies[T];
  }

  /** Sends an envelope sealed earlier by `sealMessage` (the outbox relay's path). */
  async relay(topic: Topic, envelope: Envelope): Promise<void> {
    await this.send(topic, envelope);
  }

  /** Sends an already validated envelope. */
  protected abstract send(topic: Topic, envelope: Envelope): Promise<void>;

  /** Sends an already validated request envelope and resolves with the raw reply. */
  protected abstract exchange(
    topic: Topic,
    envelope: Envelope,
    timeoutMs?: number,
  ): Promise<unknown>;
}

/**
 * Validates a payload against its topic's contract and wraps it in a new envelope keyed by the
 * contract's key; throws InvalidMessageError (or UnknownTopicError) instead.
 */
export function sealMessage<T extends Topic>(
  topic: T,
  payload: TopicPayloads[T],
  options: PublishOptions,
): Envelope<TopicPayloads[T]> {
  const contract = contractFor(topic);
  if (!contract) {
    throw new UnknownTopicError(topic);
  }
  const parsed = contract.schema.safeParse(payload);
  if (!parsed.success) {
    throw new InvalidMessageError(topic, describeIssues(parsed.error));
  }
  const valid = parsed.data as TopicPayloads[T];
  return createEnvelope({
    type: contract.type,
    v: contract.v,
    key: options.key ?? contract.key(valid),
    payload: valid,
    correlationId: options.correlationId ?? options.causedBy?.correlationId,
    causationId: options.causationId ?? options.causedBy?.id ?? null,
  });
}
