export const ALERT_CHANNELS = ['telegram', 'discord'] as const;
export type AlertChannelName = (typeof ALERT_CHANNELS)[number];

export interface QueuedAlert {
  readonly channel: AlertChannelName;
  /** What the channel posts (without secrets: the chat id and token are added when sending). */
  readonly payload: object;
}

export type DeliveryResult =
  | { readonly outcome: 'sent' }
  /** 429, 5xx, timeout or network error: try again, after `retryAfterMs` when the server said. */
  | { readonly outcome: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  /** Any other 4xx: the request itself is wrong, retrying will not help. */
  | { readonly outcome: 'rejected'; readonly reason: string };

/** One alert destination. Reasons never contain the token or the webhook URL. */
export abstract class AlertChannelPort {
  abstract readonly name: AlertChannelName;
  /** Most sends in a burst and the refill period of the channel's rate limit. */
  abstract readonly rateLimit: { readonly capacity: number; readonly refillEveryMs: number };
  abstract send(payload: object): Promise<DeliveryResult>;
}
