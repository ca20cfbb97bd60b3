import { SimError, type SimErrorCode } from '../domain/sim.errors';

/** A failure answered with Pacifica's envelope: `{success:false, data:null, error, code}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: number | null = null,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

// Pacifica's 422 business codes (docs section 3.5); tick/lot errors are 400s since 2026.
const STATUS_BY_CODE: Record<SimErrorCode, [status: number, code: number | null]> = {
  UNKNOWN: [422, 0],
  BOOK_NOT_FOUND: [422, 2],
  INVALID_TICK_LEVEL: [400, 3],
  INVALID_LOT_SIZE: [400, null],
  INVALID_ORDER_SIZE: [422, 0],
  INSUFFICIENT_BALANCE: [422, 4],
  ORDER_NOT_FOUND: [422, 5],
  INVALID_LEVERAGE: [422, 7],
  POSITION_NOT_FOUND: [422, 9],
  NO_REASONABLE_PRICE: [422, 0],
  POST_ONLY_REJECTED: [422, 0],
  REDUCE_ONLY_REJECTED: [422, 0],
  DUPLICATE_CLIENT_ORDER_ID: [422, 0],
  INVALID_REQUEST: [400, null],
};

export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) {
    return error;
  }
  if (error instanceof SimError) {
    const [status, code] = STATUS_BY_CODE[error.code];
    return new HttpError(status, error.message, code);
  }
  return new HttpError(500, 'Internal server error');
}

export interface Envelope {
  success: boolean;
  data: unknown;
  error: string | null;
  code: number | null;
  [extra: string]: unknown;
}

export function ok(data: unknown, extra: Record<string, unknown> = {}): Envelope {
  return { success: true, data, error: null, code: null, ...extra };
}

export function fail(error: HttpError): Envelope {
  return { success: false, data: null, error: error.message, code: error.code };
}
