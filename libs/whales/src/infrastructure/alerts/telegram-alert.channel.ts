import { AlertChannelPort, type DeliveryResult } from '../../application/ports/alert-channel.port';
import { postAlert } from './http-alert-post';

export interface TelegramSettings {
  readonly botToken: string;
  readonly chatId: string;
  /** https://api.telegram.org, or a local fake. */
  readonly apiUrl: string;
}

/** Bot API sendMessage in HTML parse mode; Telegram allows about one message a second per chat. */
export class TelegramAlertChannel extends AlertChannelPort {
  readonly name = 'telegram';
  readonly rateLimit = { capacity: 1, refillEveryMs: 1_000 };

  constructor(
    private readonly settings: TelegramSettings,
    private readonly timeoutMs = 10_000,
  ) {
    super();
  }

  send(payload: object): Promise<DeliveryResult> {
    const { text } = payload as { text: string };
    return postAlert({
      url: `${this.settings.apiUrl.replace(/\/+$/, '')}/bot${this.settings.botToken}/sendMessage`,
      body: {
        chat_id: this.settings.chatId,
        text,
        parse_mode: 'HTML',
        disable_web_page_preview: true,
      },
      timeoutMs: this.timeoutMs,
      secrets: [this.settings.botToken],
      describe: (body) => (body as { description?: string } | undefined)?.description,
    });
  }
}
