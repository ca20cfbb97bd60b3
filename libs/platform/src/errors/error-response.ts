import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';

import { errorKind, isDomainError, type ErrorKind } from '@nexwave/core';

/** The one body of every REST error: domain, validation, not found, internal. */
export interface ErrorResponse {
  statusCode: number;
  /** The HTTP reason phrase of statusCode. */
  error: string;
  /** Stable, machine-readable: a domain code (UNKNOWN_SYMBOL), VALIDATION_FAILED, NOT_FOUND... */
  code: string;
  message: string;
  /** Facts about the failure: a domain error's details, or `reasons` of a validation failure. */
  details?: Readonly<Record<string, unknown>>;
}

export const VALIDATION_FAILED = 'VALIDATION_FAILED';
export const INTERNAL_ERROR = 'INTERNAL_ERROR';

/** The declared kind of a domain error code, as an HTTP status. */
export const STATUS_OF_KIND: Readonly<Record<ErrorKind, HttpStatus>> = {
  invalid: HttpStatus.BAD_REQUEST,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * The response to any exception a request ended with. Only what is meant for the caller passes:
 * a domain error of a declared kind, a 4xx of Nest, Express or the body parser, a 5xx's reason
 * phrase. Everything else is an internal error with a generic message (the caller never sees a
 * stack, a path or database text; the filter logs those).
 */
export function errorResponse(exception: unknown): ErrorResponse {
  if (isDomainError(exception)) {
    const kind = errorKind(exception);
    return kind === undefined
      ? internalError()
      : response(STATUS_OF_KIND[kind], exception.code, exception.message, exception.details);
  }
  if (exception instanceof HttpException) {
    return httpExceptionResponse(exception);
  }
  const status = clientErrorStatus(exception);
  if (status !== undefined) {
    return response(status, codeOf(status), (exception as Error).message);
  }
  return internalError();
}

function httpExceptionResponse(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  if (status >= 500) {
    return status === 500 ? internalError() : response(status, codeOf(status), reason(status));
  }
  const body = exception.getResponse();
  const message = typeof body === 'object' ? (body as { message?: unknown }).message : body;
  if (Array.isArray(message)) {
    // What ValidationPipe throws: one reason per broken rule.
    const reasons = message.map(String);
    return response(status, VALIDATION_FAILED, reasons.join('; '), { reasons });
  }
  return response(
    status,
    codeOf(status),
    typeof message === 'string' ? message : exception.message,
  );
}

/** Errors of Express's router (a path that does not decode) and body parser carry a 4xx status. */
function clientErrorStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) {
    return undefined;
  }
  const { status, statusCode } = exception as { status?: unknown; statusCode?: unknown };
  const candidate = typeof status === 'number' ? status : statusCode;
  return typeof candidate === 'number' && candidate >= 400 && candidate < 500
    ? candidate
    : undefined;
}

function internalError(): ErrorResponse {
  return response(500, INTERNAL_ERROR, 'internal error: the failure is logged on the server');
}

function response(
  statusCode: number,
  code: string,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): ErrorResponse {
  const hasDetails = details !== undefined && Object.keys(details).length > 0;
  return {
    statusCode,
    error: reason(statusCode),
    code,
    message,
    ...(hasDetails ? { details } : {}),
  };
}

function reason(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** NOT_FOUND, METHOD_NOT_ALLOWED, PAYLOAD_TOO_LARGE, SERVICE_UNAVAILABLE... */
function codeOf(status: number): string {
  return reason(status)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
