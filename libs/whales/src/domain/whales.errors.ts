import { DomainError } from '@nexwave/core';

export type WhalesErrorCode = 'INVALID_RULES' | 'INVALID_PRICE';

/** Rules or prices the whale domain cannot work with (a programming or configuration error). */
export class WhalesError extends DomainError<WhalesErrorCode> {}
