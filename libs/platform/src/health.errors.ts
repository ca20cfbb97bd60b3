import type { HealthCheckResult } from '@nestjs/terminus';

import { DomainError, type ErrorKinds } from '@nexwave/core';

export type HealthErrorCode = 'UNHEALTHY';

/** A dependency of the app is down; details name each check and its status, never its error. */
export class HealthError extends DomainError<HealthErrorCode> {
  static override readonly kinds: ErrorKinds<HealthErrorCode> = { UNHEALTHY: 'unavailable' };
}

export function unhealthy(result: HealthCheckResult): HealthError {
  const statuses = Object.fromEntries(
    Object.entries(result.details).map(([check, { status }]) => [check, status]),
  );
  const down = Object.keys(result.error ?? {});
  return new HealthError('UNHEALTHY', `unhealthy: ${down.join(', ') || 'a check'} down`, statuses);
}
