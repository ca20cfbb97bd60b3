import { systemClock, type Clock } from '@nexwave/core';

import { unwrapEnvelope } from '../api/envelope.schema';
import {
  exchangeErrorFromStatus,
  ExchangeRejectedError,
  ExchangeUnavailableError,
} from '../pacifica.errors';
import type { JsonObject } from '../signing/signing-message';
import { parseRateLimitHeader, type CreditRateLimiter } from './credit-rate-limiter';

export type QueryValue = string | number | boolean | undefined;

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, QueryValue>;
  body?: JsonObject;
  /** Credits this call spends in the rolling window. */
  cost: number;
}

export interface HttpResult {
  data: unknown;
  /** Top-level envelope fields beside `data` (`next_cursor`, `has_more`, `last_order_id`). */
  meta: Record<string, unknown>;
}

export interface PacificaHttpOptions {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
  limiter: CreditRateLimiter;
  clock?: Clock;
}

/**
 * One HTTP exchange with Pacifica: waits for rate-limit credits, sends with a timeout (Node's
 * global fetch), unwraps the envelope and turns every failure into a typed ExchangeError.
 * No retries here; the client decides what may be retried.
 */
export class PacificaHttp {
  private readonly baseUrl: string;
  private readonly clock: Clock;

  constructor(private readonly options: PacificaHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.clock = options.clock ?? systemClock;
  }

  async send(request: HttpRequest): Promise<HttpResult> {
    await this.options.limiter.acquire(request.cost);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.body) {
      headers['content-type'] = 'application/json';
    }
    if (this.options.apiKey) {
      headers['PF-API-KEY'] = this.options.apiKey;
    }
    const label = `${request.method} ${request.path}`;
    let status: number;
    let responseHeaders: Headers;
    let text: string;
    try {
      const response = await fetch(this.url(request), {
        method: request.method,
        headers,
        body: request.body ? JSON.stringify(request.body) : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = response.status;
      responseHeaders = response.headers;
      text = await response.text();
    } catch (error) {
      throw transportError(label, error, this.options.timeoutMs);
    }
    this.options.limiter.observeHeader(responseHeaders.get('ratelimit'));
    const unwrapped = unwrapEnvelope(text);
    if (status >= 200 && status < 300 && unwrapped.ok) {
      return { data: unwrapped.data, meta: unwrapped.meta };
    }
    const message = unwrapped.error ?? `HTTP ${status}`;
    if (status >= 200 && status < 300) {
      throw new ExchangeRejectedError(status, unwrapped.code, message);
    }
    const retryAfterMs = status === 429 ? this.retryAfterMs(responseHeaders) : null;
    if (retryAfterMs !== null) {
      this.options.limiter.observeExhausted(retryAfterMs);
    }
    throw exchangeErrorFromStatus(status, message, unwrapped.code, retryAfterMs);
  }

  private url(request: HttpRequest): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) {
        params.set(key, String(value));
      }
    }
    const query = params.toString();
    return `${this.baseUrl}${request.path}${query ? `?${query}` : ''}`;
  }

  /** `Retry-After` (seconds or HTTP date), else the `ratelimit` header's refresh time. */
  private retryAfterMs(headers: Headers): number | null {
    const retryAfter = headers.get('retry-after');
    if (retryAfter !== null) {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds)) {
        return Math.max(0, seconds * 1000);
      }
      const date = Date.parse(retryAfter);
      if (!Number.isNaN(date)) {
        return Math.max(0, date - this.clock.now().getTime());
      }
    }
    return parseRateLimitHeader(headers.get('ratelimit'))?.resetMs ?? null;
  }
}

function transportError(
  label: string,
  error: unknown,
  timeoutMs: number,
): ExchangeUnavailableError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ExchangeUnavailableError('timeout', `${label} timed out after ${timeoutMs} ms`);
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  const detail =
    typeof code === 'string' ? code : cause instanceof Error ? cause.message : 'unknown';
  return new ExchangeUnavailableError('network', `${label} failed: ${detail}`);
}
