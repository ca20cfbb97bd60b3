import type { DeliveryResult } from '../../application/ports/alert-channel.port';

const REASON_MAX_LENGTH = 200;

export interface AlertPost {
  readonly url: string;
  readonly body: object;
  readonly timeoutMs: number;
  /** Values never to appear in a reason (token, webhook URL), even if a server echoes them. */
  readonly secrets: readonly string[];
  /** The server's own explanation in an error body (Telegram `description`, Discord `message`). */
  readonly describe: (body: unknown) => string | undefined;
}

/**
 * POSTs JSON and classifies the answer: 2xx sent; 429 retry after the server's delay (the
 * Retry-After header, else `retry_after` or `parameters.retry_after` in the JSON body, seconds);
 * 5xx, timeout or network error retry; any other status rejected.
 */
export async function postAlert(post: AlertPost): Promise<DeliveryResult> {
  let response: Response;
  try {
    response = await fetch(post.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(post.body),
      signal: AbortSignal.timeout(post.timeoutMs),
    });
  } catch (error) {
    return { outcome: 'retry', reason: scrub(networkReason(error), post.secrets) };
  }
  if (response.ok) {
    await response.body?.cancel();
    return { outcome: 'sent' };
  }
  const text = await response.text().catch(() => '');
  const body = parseJson(text);
  const detail = post.describe(body) ?? text;
  const reason = scrub(`HTTP ${response.status}${detail ? `: ${detail}` : ''}`, post.secrets);
  if (response.status === 429) {
    return { outcome: 'retry', reason, retryAfterMs: retryAfterMs(response.headers, body) };
  }
  if (response.status >= 500) {
    return { outcome: 'retry', reason };
  }
  return { outcome: 'rejected', reason };
}

function retryAfterMs(headers: Headers, body: unknown): number | undefined {
  const header = Number(headers.get('retry-after') ?? NaN);
  if (Number.isFinite(header) && header >= 0) {
    return Math.ceil(header * 1_000);
  }
  const record = (body ?? {}) as { retry_after?: unknown; parameters?: { retry_after?: unknown } };
  const seconds = Number(record.retry_after ?? record.parameters?.retry_after ?? NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1_000) : undefined;
}

function networkReason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return 'timed out';
  }
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return `network error${cause?.code ? ` ${cause.code}` : ''}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function scrub(reason: string, secrets: readonly string[]): string {
  const clean = secrets
    .filter((secret) => secret.length > 0)
    .reduce((text, secret) => text.split(secret).join('[redacted]'), reason);
  return clean.length > REASON_MAX_LENGTH ? `${clean.slice(0, REASON_MAX_LENGTH)}...` : clean;
}
