import { AlertChannelPort, type DeliveryResult } from '../../application/ports/alert-channel.port';
import { postAlert } from './http-alert-post';

/** A Discord webhook POST of the embed built by discordAlert; webhooks take about 5 per 2 s. */
export class DiscordAlertChannel extends AlertChannelPort {
  readonly name = 'discord';
  readonly rateLimit = { capacity: 5, refillEveryMs: 400 };

  constructor(
    private readonly webhookUrl: string,
    private readonly timeoutMs = 10_000,
  ) {
    super();
  }

  send(payload: object): Promise<DeliveryResult> {
    return postAlert({
      url: this.webhookUrl,
      body: payload,
      timeoutMs: this.timeoutMs,
      secrets: [this.webhookUrl, new URL(this.webhookUrl).pathname],
      describe: (body) => (body as { message?: string } | undefined)?.message,
    });
  }
}
