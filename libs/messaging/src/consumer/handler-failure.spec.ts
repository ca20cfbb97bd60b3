import { DomainError } from '@nexwave/core';

import { RetriableError } from '../messaging.errors';
import { classifyFailure } from './handler-failure';

describe('classifyFailure', () => {
  it('retries RetriableError and any error that says retriable: true', () => {
    const exchangeDown = Object.assign(new Error('503 from exchange'), { retriable: true });
    expect(classifyFailure(new RetriableError('db down'))).toEqual({
      retriable: true,
      reason: 'RetriableError: db down',
    });
    expect(classifyFailure(exchangeDown).retriable).toBe(true);
  });

  it('dead-letters domain errors, plain errors and Nest-filtered errors directly', () => {
    expect(classifyFailure(new DomainError('RISK_LIMIT', 'too big'))).toEqual({
      retriable: false,
      reason: 'DomainError [RISK_LIMIT]: too big',
    });
    expect(classifyFailure(new TypeError('x is undefined'))).toEqual({
      retriable: false,
      reason: 'TypeError: x is undefined',
    });
    expect(classifyFailure({ status: 'error', message: 'Internal server error' })).toEqual({
      retriable: false,
      reason: 'Internal server error',
    });
    expect(classifyFailure('boom')).toEqual({ retriable: false, reason: 'boom' });
  });
});
