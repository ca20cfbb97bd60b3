import {
  InvalidMessageError,
  MissingBrokersError,
  NoResponderError,
  RequestFailedError,
  RequestTimeoutError,
  UnknownTopicError,
} from './messaging.errors';

describe('messaging errors', () => {
  it('carry upper-case codes, like every other DomainError', () => {
    expect(
      [
        new InvalidMessageError('whales.detected.v1', 'bad'),
        new UnknownTopicError('nope.v1'),
        new NoResponderError('orders.requests.v1'),
        new RequestTimeoutError('orders.requests.v1', 100),
        new RequestFailedError('orders.requests.v1', 'refused'),
        new MissingBrokersError(),
      ].map((error) => error.code),
    ).toEqual([
      'INVALID_MESSAGE',
      'UNKNOWN_TOPIC',
      'NO_RESPONDER',
      'REQUEST_TIMEOUT',
      'REQUEST_FAILED',
      'MISSING_BROKERS',
    ]);
  });
});
