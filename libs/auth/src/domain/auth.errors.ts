import { DomainError, type ErrorKinds } from '@nexwave/core';

export type AuthErrorCode = 'API_KEY_NOT_FOUND' | 'ADMIN_API_KEY_CONFLICT';

export class AuthError extends DomainError<AuthErrorCode> {
  static override readonly kinds: ErrorKinds<AuthErrorCode> = {
    API_KEY_NOT_FOUND: 'not-found',
    ADMIN_API_KEY_CONFLICT: 'conflict',
  };
}
