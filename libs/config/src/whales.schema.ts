import { z } from 'zod';

import { concern, positiveNumber, url, variable } from './variable';

export const whalesConcern = concern({
  variables: {
    WHALE_THRESHOLD_USD: variable(positiveNumber, {
      doc: 'Smallest whale (USD notional) that is recorded and alerted.',
      default: '25000',
    }),
    WHALE_DETECTION_INTERVAL: variable(positiveNumber, {
      doc: 'Seconds between detection runs on the latest books.',
      default: '5',
    }),
    TELEGRAM_BOT_TOKEN: variable(z.string().min(1).optional(), {
      doc: 'Telegram bot token; alerts go to Telegram when set with TELEGRAM_CHAT_ID.',
      secret: true,
    }),
    TELEGRAM_CHAT_ID: variable(z.string().min(1).optional(), { doc: 'Telegram chat for alerts.' }),
    TELEGRAM_API_URL: variable(url, {
      doc: 'Telegram Bot API base URL.',
      default: 'https://api.telegram.org',
    }),
    DISCORD_WEBHOOK: variable(url.optional(), {
      doc: 'Discord webhook URL for alerts (empty: off).',
      secret: true,
    }),
  },
  check: (v) =>
    v.TELEGRAM_BOT_TOKEN && !v.TELEGRAM_CHAT_ID
      ? ['TELEGRAM_CHAT_ID is required when TELEGRAM_BOT_TOKEN is set']
      : [],
  build: (v) => ({
    thresholdUsd: v.WHALE_THRESHOLD_USD,
    detectionIntervalSeconds: v.WHALE_DETECTION_INTERVAL,
    telegram:
      v.TELEGRAM_BOT_TOKEN && v.TELEGRAM_CHAT_ID
        ? { botToken: v.TELEGRAM_BOT_TOKEN, chatId: v.TELEGRAM_CHAT_ID, apiUrl: v.TELEGRAM_API_URL }
        : undefined,
    discordWebhook: v.DISCORD_WEBHOOK,
  }),
});
