import { RequestOutcome } from '../consumer/consumer-pipeline';

/** Headers of a request record: where to answer and what to quote. */
export const REPLY_TOPIC_HEADER = 'nexwave-reply-topic';
export const CORRELATION_HEADER = 'nexwave-correlation-id';

/** Replies to `<topic>` travel on `<topic>.reply`, keyed and headed by the correlation id. */
export function replyTopic(topic: string): string {
  return `${topic}.reply`;
}

/** The value of a reply record. */
export type KafkaReply = RequestOutcome;

export function headerText(
  value: Buffer | string | (Buffer | string)[] | undefined,
): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
