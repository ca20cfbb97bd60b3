import type { Tick } from './tick';

/**
 * The on-disk spool's line format and bound: one trade per line of JSON, newline-terminated, so
 * an append cut short by a crash leaves at most one torn line at the end of a file.
 */

/** What a spool file holds: the trades that parsed, and the lines that did not. */
export interface DecodedSpool {
  readonly ticks: Tick[];
  /** Lines skipped: cut short by a crash or not a trade. */
  readonly torn: number;
}

type SpoolLine = [
  time: number,
  symbol: string,
  price: string,
  size: string,
  side: string,
  tradeId: string,
  source: string,
];

export function encodeSpoolLine(tick: Tick): string {
  const line: SpoolLine = [
    tick.time.getTime(),
    tick.symbol,
    tick.price,
    tick.size,
    tick.side,
    tick.tradeId,
    tick.source,
  ];
  return `${JSON.stringify(line)}\n`;
}

export function decodeSpool(text: string): DecodedSpool {
  const ticks: Tick[] = [];
  let torn = 0;
  for (const line of text.split('\n')) {
    // Empty: after the final newline. A last line without its newline is kept if it is whole.
    const tick = line === '' ? undefined : parseLine(line);
    if (tick) {
      ticks.push(tick);
    } else if (tick === null) {
      torn++;
    }
  }
  return { ticks, torn };
}

function parseLine(line: string): Tick | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 7) {
    return null;
  }
  const [time, symbol, price, size, side, tradeId, source] = value as unknown[];
  if (
    typeof time !== 'number' ||
    !Number.isFinite(time) ||
    !isText(symbol) ||
    !isText(price) ||
    !isText(size) ||
    (side !== 'buy' && side !== 'sell') ||
    !isText(tradeId) ||
    (source !== 'pacifica' && source !== 'backfill')
  ) {
    return null;
  }
  return { time: new Date(time), symbol, price, size, side, tradeId, source };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** How many of the lines (in order) fit in what is left of the bound; the rest overflow. */
export function linesWithinBound(
  lineBytes: readonly number[],
  usedBytes: number,
  maxBytes: number,
): number {
  let room = maxBytes - usedBytes;
  for (let i = 0; i < lineBytes.length; i++) {
    room -= lineBytes[i];
    if (room < 0) {
      return i;
    }
  }
  return lineBytes.length;
}
