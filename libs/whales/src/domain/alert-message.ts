import { Decimal } from '@nexwave/core';

import { WhaleActivity } from './activity-tracker';

/**
 * Alert texts for a newly opened activity, from the whale as first detected. The original's
 * format is unknown; these carry symbol, side, kind, size, USD notional, price (range), order
 * count, confidence and time. Telegram gets HTML (parse_mode "HTML": only &, < and > need
 * escaping, unlike MarkdownV2 where every '.' and '-' in a price would); Discord gets an embed
 * with markdown escaped and mentions disabled.
 */
export interface TelegramAlert {
  readonly text: string;
  readonly parseMode: 'HTML';
}

export interface DiscordAlert {
  readonly content: string;
  readonly embeds: {
    readonly title: string;
    readonly color: number;
    readonly fields: { readonly name: string; readonly value: string; readonly inline: boolean }[];
    readonly timestamp: string;
  }[];
  readonly allowed_mentions: { readonly parse: never[] };
}

const GREEN = 0x2ecc71;
const RED = 0xe74c3c;

export function telegramAlert(activity: WhaleActivity): TelegramAlert {
  const lines = alertFields(activity).map(([name, value]) => `${name}: ${escapeHtml(value)}`);
  return {
    text: [`🐋 <b>${escapeHtml(title(activity))}</b>`, ...lines].join('\n'),
    parseMode: 'HTML',
  };
}

export function discordAlert(activity: WhaleActivity): DiscordAlert {
  const heading = escapeMarkdown(title(activity));
  return {
    content: `🐋 ${heading}`,
    embeds: [
      {
        title: heading,
        color: activity.side === 'bid' ? GREEN : RED,
        fields: alertFields(activity).map(([name, value]) => ({
          name,
          value: escapeMarkdown(value),
          inline: true,
        })),
        timestamp: activity.firstSeenAt.toISOString(),
      },
    ],
    allowed_mentions: { parse: [] },
  };
}

function title(activity: WhaleActivity): string {
  const wall = activity.side === 'bid' ? 'buy wall' : 'sell wall';
  const kind = activity.kind === 'ladder' ? 'ladder' : 'order';
  return `Whale ${kind} on ${activity.symbol}: ${activity.side} (${wall})`;
}

function alertFields(activity: WhaleActivity): [string, string][] {
  const whale = activity.detected;
  const levels = whale.levels.length;
  const orders = `${whale.orderCount} order${whale.orderCount === 1 ? '' : 's'}`;
  return [
    ['Symbol', whale.symbol],
    ['Side', whale.side === 'bid' ? 'bid (buy)' : 'ask (sell)'],
    [
      'Kind',
      whale.kind === 'ladder'
        ? `ladder of ${levels} levels, ${orders}`
        : `single price level, ${orders}`,
    ],
    ['Size', `${whale.size} ${whale.symbol}`],
    ['Value', `$${usd(whale.notionalUsd)}`],
    [
      'Price',
      whale.priceLow === whale.priceHigh
        ? whale.priceLow
        : `${whale.priceLow} – ${whale.priceHigh}`,
    ],
    ['Confidence', `${Math.round(whale.confidence * 100)}%`],
    ['Detected', `${activity.firstSeenAt.toISOString().slice(0, 19).replace('T', ' ')} UTC`],
  ];
}

/** 1234567.891 -> "1,234,567.89" */
function usd(value: string): string {
  const [whole, cents] = new Decimal(value).toFixed(2, Decimal.ROUND_HALF_UP).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Markdown that could restyle text or make a link ('(' links only after '[...]', escaped). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|>#[\]]/g, '\\$&');
}
