import { Decimal } from '@nexwave/core';

import { WhaleActivity } from './activity-tracker';
import { WhaleCandidate } from './whale-candidate';

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
  return telegram(title(activity), alertFields(activity));
}

export function discordAlert(activity: WhaleActivity): DiscordAlert {
  return discord(title(activity), alertFields(activity), activity);
}

/** An update alert: the activity's size changed materially since its last alert (as now seen). */
export function telegramUpdateAlert(activity: WhaleActivity): TelegramAlert {
  return telegram(updateTitle(activity), updateFields(activity));
}

export function discordUpdateAlert(activity: WhaleActivity): DiscordAlert {
  return discord(updateTitle(activity), updateFields(activity), activity);
}

function telegram(heading: string, fields: [string, string][]): TelegramAlert {
  const lines = fields.map(([name, value]) => `${name}: ${escapeHtml(value)}`);
  return { text: [`🐋 <b>${escapeHtml(heading)}</b>`, ...lines].join('\n'), parseMode: 'HTML' };
}

function discord(title: string, fields: [string, string][], activity: WhaleActivity): DiscordAlert {
  const heading = escapeMarkdown(title);
  return {
    content: `🐋 ${heading}`,
    embeds: [
      {
        title: heading,
        color: activity.side === 'bid' ? GREEN : RED,
        fields: fields.map(([name, value]) => ({
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

function title(activity: WhaleActivity, whale = activity.detected): string {
  const wall = activity.side === 'bid' ? 'buy wall' : 'sell wall';
  const kind = whale.kind === 'ladder' ? 'ladder' : 'order';
  return `Whale ${kind} on ${activity.symbol}: ${activity.side} (${wall})`;
}

function updateTitle(activity: WhaleActivity): string {
  return `${title(activity, activity.latest)} changed size`;
}

function alertFields(activity: WhaleActivity): [string, string][] {
  return whaleFields(activity.detected, activity);
}

/** The whale as now seen, its value next to the value at detection. */
function updateFields(activity: WhaleActivity): [string, string][] {
  return whaleFields(activity.latest, activity).map(([name, value]): [string, string] =>
    name === 'Value'
      ? [name, `${value} (at detection $${usd(activity.detected.notionalUsd)})`]
      : [name, value],
  );
}

function whaleFields(whale: WhaleCandidate, activity: WhaleActivity): [string, string][] {
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
