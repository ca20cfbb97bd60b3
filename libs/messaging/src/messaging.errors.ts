import { DomainError } from '@nexwave/core';

export type MessagingErrorCode =
  | 'invalid_message'
  | 'unknown_topic'
  | 'no_responder'
  | 'request_timeout'
  | 'request_failed'
  | 'missing_brokers';

export class MessagingError<
  Code extends MessagingErrorCode = MessagingErrorCode,
> extends DomainError<Code> {}

/** A producer tried to send a message its topic's schema refuses; nothing was sent. */
export class InvalidMessageError extends MessagingError<'invalid_message'> {
  constructor(
    readonly topic: string,
    readonly reason: string,
  ) {
    super('invalid_message', `Invalid message for ${topic}: ${reason}`, { topic, reason });
  }
}

export class UnknownTopicError extends MessagingError<'unknown_topic'> {
  constructor(readonly topic: string) {
    super('unknown_topic', `No contract is registered for topic ${topic}`, { topic });
  }
}

export class NoResponderError extends MessagingError<'no_responder'> {
  constructor(readonly topic: string) {
    super('no_responder', `No handler answers requests on ${topic}`, { topic });
  }
}

export class RequestTimeoutError extends MessagingError<'request_timeout'> {
  constructor(
    readonly topic: string,
    readonly timeoutMs: number,
  ) {
    super('request_timeout', `No reply on ${topic} within ${timeoutMs} ms`, { topic, timeoutMs });
  }
}

/** The responder failed or refused the request; `reason` is what it reported. */
export class RequestFailedError extends MessagingError<'request_failed'> {
  constructor(
    readonly topic: string,
    readonly reason: string,
  ) {
    super('request_failed', `Request on ${topic} failed: ${reason}`, { topic, reason });
  }
}

/** `transport: 'kafka'` without any broker address. */
export class MissingBrokersError extends MessagingError<'missing_brokers'> {
  constructor() {
    super('missing_brokers', 'The kafka transport needs at least one broker (KAFKA_BROKERS)', {});
  }
}

/**
 * Thrown by a message handler when trying again later may succeed (a dependency is down).
 * Any error with `retriable === true` is treated the same, so infrastructure errors of other
 * libs can opt in without importing this class.
 */
export class RetriableError extends Error {
  readonly retriable = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
