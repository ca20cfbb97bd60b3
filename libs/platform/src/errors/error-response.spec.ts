import {
  BadRequestException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';

import { DomainError, type ErrorKind, type ErrorKinds } from '@nexwave/core';
import { QueryTimeoutError } from '@nexwave/database';

import { errorResponse, INTERNAL_ERROR, VALIDATION_FAILED } from './error-response';

type TestCode = 'BAD_LIMIT' | 'NO_SUCH_ORDER' | 'ALREADY_FILLED' | 'EXCHANGE_DOWN';

class TestError extends DomainError<TestCode | 'UNDECLARED'> {
  static override readonly kinds: ErrorKinds<TestCode> = {
    BAD_LIMIT: 'invalid',
    NO_SUCH_ORDER: 'not-found',
    ALREADY_FILLED: 'conflict',
    EXCHANGE_DOWN: 'unavailable',
  };
}

const GENERIC = 'internal error: the failure is logged on the server';

describe('errorResponse', () => {
  it.each<[TestCode, ErrorKind, number, string]>([
    ['BAD_LIMIT', 'invalid', 400, 'Bad Request'],
    ['NO_SUCH_ORDER', 'not-found', 404, 'Not Found'],
    ['ALREADY_FILLED', 'conflict', 409, 'Conflict'],
    ['EXCHANGE_DOWN', 'unavailable', 503, 'Service Unavailable'],
  ])('answers the %s code (%s) with %d', (code, _kind, statusCode, error) => {
    const exception = new TestError(code, `${code} happened`, { limit: 5 });
    expect(errorResponse(exception)).toEqual({
      statusCode,
      error,
      code,
      message: `${code} happened`,
      details: { limit: 5 },
    });
  });

  it('answers a read cut off by the statement timeout with 503 QUERY_TIMEOUT', () => {
    expect(errorResponse(new QueryTimeoutError(5_000))).toMatchObject({
      statusCode: 503,
      code: 'QUERY_TIMEOUT',
      details: { timeoutMs: 5_000 },
    });
  });

  it('omits empty details', () => {
    expect(errorResponse(new TestError('BAD_LIMIT', 'no'))).not.toHaveProperty('details');
  });

  it('answers a code its class does not declare as an internal error', () => {
    expect(errorResponse(new TestError('UNDECLARED', 'secret state'))).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: INTERNAL_ERROR,
      message: GENERIC,
    });
    expect(errorResponse(new DomainError('ANY', 'x'))).toMatchObject({ statusCode: 500 });
  });

  it('turns a ValidationPipe failure into VALIDATION_FAILED with every reason', () => {
    const reasons = ['limit must be an integer number', 'property until should not exist'];
    expect(errorResponse(new BadRequestException(reasons))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: VALIDATION_FAILED,
      message: reasons.join('; '),
      details: { reasons },
    });
  });

  it.each([
    [new NotFoundException('Cannot GET /nope'), 404, 'NOT_FOUND', 'Cannot GET /nope'],
    [new HttpException('slow down', 429), 429, 'TOO_MANY_REQUESTS', 'slow down'],
    [new HttpException({ reason: 'x' }, 405), 405, 'METHOD_NOT_ALLOWED', 'Http Exception'],
    [
      new ServiceUnavailableException({ db: 'down' }),
      503,
      'SERVICE_UNAVAILABLE',
      'Service Unavailable',
    ],
  ])('keeps the status of %p', (exception, statusCode, code, message) => {
    expect(errorResponse(exception)).toMatchObject({ statusCode, code, message });
  });

  it('answers a deliberate 500 like any internal error', () => {
    const exception = new InternalServerErrorException('pool exhausted at db:5432');
    expect(errorResponse(exception)).toMatchObject({ statusCode: 500, message: GENERIC });
  });

  it('keeps the 4xx of Express and the body parser', () => {
    const undecodable = Object.assign(new URIError("Failed to decode param '%ZZ'"), {
      status: 400,
    });
    expect(errorResponse(undecodable)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'BAD_REQUEST',
      message: "Failed to decode param '%ZZ'",
    });
    const tooLarge = Object.assign(new Error('request entity too large'), { statusCode: 413 });
    expect(errorResponse(tooLarge)).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it.each([
    new Error('invalid byte sequence for encoding "UTF8": 0x00'),
    Object.assign(new Error('connection refused'), { status: 502 }),
    'a thrown string',
    undefined,
  ])('answers anything else (%p) with a generic message', (exception) => {
    expect(errorResponse(exception)).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: INTERNAL_ERROR,
      message: GENERIC,
    });
  });
});
