import { Decimal } from '@nexwave/core';
import { until as untilHolds, type UntilOptions } from '@nexwave/core/testing';
import {
  PacificaRestClient,
  PacificaWsClient,
  RequestSigner,
  SolanaKeypair,
  type OrderBook,
  type PacificaWsClientOptions,
  type PacificaWsEventMap,
  type SignerOptions,
  type WsChannel,
  type WsSubscription,
} from '@nexwave/pacifica';
import type { PacificaSim } from '@nexwave/pacifica-sim/testing';

export interface Trader {
  keypair: SolanaKeypair;
  signer: RequestSigner;
  client: PacificaRestClient;
  account: string;
}

/** A fresh account (the simulator funds any new key) driven by the real PacificaRestClient. */
export function newTraderClient(
  sim: PacificaSim,
  options: { keypair?: SolanaKeypair; signer?: SignerOptions; signerInstance?: RequestSigner } = {},
): Trader {
  const keypair = options.keypair ?? SolanaKeypair.generate();
  const signer = options.signerInstance ?? new RequestSigner(keypair, options.signer);
  const client = new PacificaRestClient({
    baseUrl: sim.url,
    signer,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
  return { keypair, signer, client, account: signer.account };
}

type Recorded = { [C in WsChannel]: PacificaWsEventMap[C][] };

interface Waiter {
  check: () => boolean;
  resolve: () => void;
}

/**
 * A real PacificaWsClient whose events are recorded per channel, so a test can await the event it
 * expects instead of sleeping.
 */
export class WsRecorder {
  readonly client: PacificaWsClient;
  private events: Recorded = emptyRecord();
  private waiters: Waiter[] = [];

  constructor(options: PacificaWsClientOptions, subscriptions: WsSubscription[]) {
    this.client = new PacificaWsClient({
      bookStaleAfterMs: 0,
      reconnect: { baseDelayMs: 10, maxDelayMs: 50 },
      ...options,
    });
    for (const channel of Object.keys(this.events) as WsChannel[]) {
      this.client.on(channel, (data) => {
        (this.events[channel] as unknown[]).push(data);
        this.waiters = this.waiters.filter((waiter) => {
          if (waiter.check()) {
            waiter.resolve();
            return false;
          }
          return true;
        });
      });
    }
    subscriptions.forEach((subscription) => this.client.subscribe(subscription));
  }

  received<C extends WsChannel>(channel: C): PacificaWsEventMap[C][] {
    return this.events[channel];
  }

  clear(): void {
    this.events = emptyRecord();
  }

  /** Resolves once `predicate` holds over what was recorded (now or after a later event). */
  waitFor(predicate: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
    if (predicate()) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.check !== predicate);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiters.push({
        check: predicate,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** The newest event of a channel that matches. */
  last<C extends WsChannel>(
    channel: C,
    match: (data: PacificaWsEventMap[C]) => boolean = () => true,
  ): PacificaWsEventMap[C] | undefined {
    return this.events[channel].filter(match).pop();
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/**
 * Repeats `act` (e.g. a simulator tick) every `intervalMs` until `done` holds. For behaviour that
 * depends on the other side's timing (a reconnect, a watchdog), where no single event can be awaited.
 */
export function until(
  done: () => boolean,
  what: string,
  { act = () => undefined, ...options }: { act?: () => void } & UntilOptions = {},
): Promise<void> {
  return untilHolds(() => done() || (act(), false), what, options);
}

function emptyRecord(): Recorded {
  return {
    book: [],
    bbo: [],
    trades: [],
    prices: [],
    account_order_updates: [],
    account_trades: [],
    account_positions: [],
  };
}

export function sumOf(values: string[]): Decimal {
  return values.reduce((sum, value) => sum.plus(value), new Decimal(0));
}

/** Σ price x amount / Σ amount, with the 8 decimals Pacifica reports. */
export function averagePrice(fills: { price: string; amount: string }[]): string {
  const notional = fills.reduce(
    (sum, f) => sum.plus(new Decimal(f.price).mul(f.amount)),
    new Decimal(0),
  );
  return notional
    .div(sumOf(fills.map((f) => f.amount)))
    .toDecimalPlaces(8)
    .toFixed();
}

/** Every item of a cursor-paged list, following `nextCursor` while `hasMore`. */
export async function pages<T>(
  load: (
    cursor: string | undefined,
  ) => Promise<{ items: T[]; nextCursor: string | null; hasMore: boolean }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    items.push(...page.items);
    cursor = page.hasMore ? (page.nextCursor ?? undefined) : undefined;
  } while (cursor);
  return items;
}

/** At most 10 levels a side, best first, on the tick grid, not crossed. */
export function expectWellFormedBook(book: OrderBook, symbol: string, tickSize: string): void {
  expect(book.symbol).toBe(symbol);
  for (const side of [book.bids, book.asks]) {
    expect(side.length).toBeGreaterThan(0);
    expect(side.length).toBeLessThanOrEqual(10);
    for (const level of side) {
      expect(new Decimal(level.price).mod(tickSize).isZero()).toBe(true);
      expect(level.orders).toBeGreaterThan(0);
    }
  }
  const bids = book.bids.map((l) => new Decimal(l.price));
  const asks = book.asks.map((l) => new Decimal(l.price));
  bids.slice(1).forEach((price, i) => expect(price.lt(bids[i])).toBe(true));
  asks.slice(1).forEach((price, i) => expect(price.gt(asks[i])).toBe(true));
  expect(bids[0].lt(asks[0])).toBe(true);
}
