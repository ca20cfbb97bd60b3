import { DomainError } from '@nexwave/core';

export interface HandlerFailure {
  retriable: boolean;
  reason: string;
}

/**
 * The single place where a handler's error becomes retry-or-dead-letter. Only errors that say
 * `retriable: true` (RetriableError, or another lib's infrastructure error) are retried.
 */
export function classifyFailure(error: unknown): HandlerFailure {
  if (error instanceof DomainError) {
    return {
      retriable: isRetriable(error),
      reason: `${error.name} [${error.code}]: ${error.message}`,
    };
  }
  if (error instanceof Error) {
    return { retriable: isRetriable(error), reason: `${error.name}: ${error.message}` };
  }
  // Nest's default RPC filter turns unknown errors into { status, message }: the class is lost.
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return { retriable: false, reason: String(error.message) };
  }
  return { retriable: false, reason: String(error) };
}

function isRetriable(error: Error): boolean {
  return (error as Error & { retriable?: unknown }).retriable === true;
}
