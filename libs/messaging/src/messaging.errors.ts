import { DomainError } from '@nexwave/core';

export type MessagingErrorCode =
  | 'INVALID_MESSAGE'
  | 'UNKNOWN_TOPIC'
  | 'NO_RESPONDER'
  | 'REQUEST_TIMEOUT'
  | 'REQUEST_FAILED'
  | 'MISSING_BROKERS';

export class MessagingError<
  Code extends MessagingErrorCode = MessagingErrorCode,
> extends DomainError<Code> {}

/** A producer tried to send a message its topic's schema refuses; nothing was sent. */
export class InvalidMessageError extends MessagingError<'INVALID_MESSAGE'> {
  constructor(
    readonly topic: string,
    readonly reason: string,
  ) {
    super('INVALID_MESSAGE', `Invalid message for ${topic}: ${reason}`, { topic, reason });
  }
}

export class UnknownTopicError extends MessagingError<'UNKNOWN_TOPIC'> {
  constructor(readonly topic: string) {
    super('UNKNOWN_TOPIC', `No contract is registered for topic ${topic}`, { topic });
  }
}

export class NoResponderError extends MessagingError<'NO_RESPONDER'> {
  constructor(readonly topic: string) {
    super('NO_RESPONDER', `No handler answers requests on ${topic}`, { topic });
  }
}

export class RequestTimeoutError extends MessagingError<'REQUEST_TIMEOUT'> {
  constructor(
    readonly topic: string,
    readonly timeoutMs: number,
  ) {
    super('REQUEST_TIMEOUT', `No reply on ${topic} within ${timeoutMs} ms`, { topic, timeoutMs });
  }
}

/** The responder failed or refused the request; `reason` is what it reported. */
export class RequestFailedError extends MessagingError<'REQUEST_FAILED'> {
  constructor(
    readonly topic: string,
    readonly reason: string,
  ) {
    super('REQUEST_FAILED', `Request on ${topic} failed: ${reason}`, { topic, reason });
  }
}

/** `transport: 'kafka'` without any broker address. */
export class MissingBrokersError extends MessagingError<'MISSING_BROKERS'> {
  constructor() {
    super('MISSING_BROKERS', 'The kafka transport needs at least one broker (KAFKA_BROKERS)', {});
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
