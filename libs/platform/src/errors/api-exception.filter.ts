import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { throwError } from 'rxjs';

import { errorKind, isDomainError, type ErrorKind } from '@nexwave/core';

import { errorResponse } from './error-response';

/** The declared kind of a domain error code, as a GraphQL `extensions.code`. */
export const GRAPHQL_CODE_OF_KIND: Readonly<Record<ErrorKind, string>> = {
  invalid: 'BAD_USER_INPUT',
  'not-found': 'NOT_FOUND',
  conflict: 'CONFLICT',
  unavailable: 'SERVICE_UNAVAILABLE',
};

interface RequestLine {
  method?: string;
  originalUrl?: string;
}

/**
 * The one place an exception becomes an answer. REST: the ErrorResponse body with its status; an
 * internal error is logged here with its detail and answered with a generic message. GraphQL: a
 * domain error of a declared kind becomes a GraphQLError with extensions.code (BAD_USER_INPUT...)
 * and the domain code as `reason`; anything else goes on unchanged to Apollo's error formatting.
 * Message handlers keep their errors (their pipeline decides on retry or dead letter).
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const type = host.getType<GqlContextType>();
    if (type === 'graphql') {
      return graphqlError(exception);
    }
    if (type !== 'http') {
      return throwError(() => exception);
    }
    const http = host.switchToHttp();
    const body = errorResponse(exception);
    // A declared domain error (a database that is down, a timeout) is an answer, not a failure of ours.
    if (body.statusCode >= 500 && !isDeclared(exception)) {
      const { method, originalUrl } = http.getRequest<RequestLine>();
      this.logger.error({ err: exception }, `${method} ${originalUrl} failed: ${body.code}`);
    }
    this.adapterHost.httpAdapter.reply(http.getResponse(), body, body.statusCode);
    return undefined;
  }
}

function isDeclared(exception: unknown): boolean {
  return isDomainError(exception) && errorKind(exception) !== undefined;
}

function graphqlError(exception: unknown): unknown {
  if (isDomainError(exception)) {
    const kind = errorKind(exception);
    if (kind !== undefined) {
      return new GraphQLError(exception.message, {
        extensions: {
          code: GRAPHQL_CODE_OF_KIND[kind],
          reason: exception.code,
          details: exception.details,
        },
      });
    }
  }
  return exception;
}
