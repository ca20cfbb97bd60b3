import { z } from 'zod';

/**
 * Every REST answer is `{success, data, error, code}`, sometimes with extra top-level fields
 * beside `data` (`next_cursor`, `has_more`, `last_order_id`). Older pages show bare objects.
 */
const envelopeSchema = z.looseObject({
  success: z.boolean(),
  data: z.unknown().optional(),
  error: z.string().nullish(),
  code: z.number().nullish(),
});

export interface Unwrapped {
  ok: boolean;
  data: unknown;
  /** Top-level fields beside `data`, such as `next_cursor`. */
  meta: Record<string, unknown>;
  error: string | null;
  code: number | null;
}

/** Unwraps a response body; a body that is not JSON (e.g. "Verification failed") becomes the error text. */
export function unwrapEnvelope(bodyText: string): Unwrapped {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return {
      ok: false,
      data: null,
      meta: {},
      error: bodyText.trim() || 'empty response',
      code: null,
    };
  }
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    return { ok: true, data: body, meta: {}, error: null, code: null };
  }
  const { success, data, error, code, ...meta } = envelope.data;
  return { ok: success, data: data ?? null, meta, error: error ?? null, code: code ?? null };
}
