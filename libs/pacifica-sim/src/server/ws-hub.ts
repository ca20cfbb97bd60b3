import type { Server } from 'node:http';
import { WebSocket, WebSocketServer, type RawData } from 'ws';

import type { Exchange } from '../domain/exchange';
import type { SimEvent } from '../domain/records';
import { toHttpError } from './http-error';
import type { SimApi } from './sim-api';
import type { WireFormat } from './wire-format';

type Params = Record<string, unknown>;

const MARKET_SOURCES = ['book', 'bbo', 'trades'];
const ACCOUNT_SOURCES = [
  'account_info',
  'account_positions',
  'account_orders',
  'account_order_updates',
  'account_trades',
];

// WS trading operation -> the REST route with the same signed body.
const TRADING_ROUTES: Record<string, string> = {
  create_order: '/orders/create',
  create_market_order: '/orders/create_market',
  cancel_order: '/orders/cancel',
  cancel_all_orders: '/orders/cancel_all',
  batch_orders: '/orders/batch',
};

// Operations answered with the REST `data` itself (`cancelled_count`, `results`).
const DATA_REPLIES = ['cancel_all_orders', 'batch_orders'];

interface Client {
  socket: WebSocket;
  subscriptions: Map<string, Params>;
}

/** Pacifica's WebSocket at `/ws`: subscriptions, snapshots, account streams, pings, trading. */
export class WsHub {
  private readonly server: WebSocketServer;
  private readonly clients = new Set<Client>();
  readonly pausedBooks = new Set<string>();

  constructor(
    httpServer: Server,
    private readonly exchange: Exchange,
    private readonly wire: WireFormat,
    private readonly api: SimApi,
    private readonly onChange: () => void,
    private readonly now: () => number,
  ) {
    this.server = new WebSocketServer({ server: httpServer, path: '/ws' });
    this.server.on('connection', (socket) => {
      const client: Client = { socket, subscriptions: new Map() };
      this.clients.add(client);
      socket.on('message', (raw) => this.onMessage(client, raw));
      socket.on('close', () => this.clients.delete(client));
      socket.on('error', () => socket.terminate());
    });
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  /** Book snapshots, bbo and prices for every subscriber (the periodic stream). */
  publishMarketData(): void {
    const now = this.now();
    const snapshots = new Map<string, unknown>();
    let prices: unknown;
    for (const client of this.clients) {
      for (const params of client.subscriptions.values()) {
        const symbol = params['symbol'] as string;
        if (symbol !== undefined && this.pausedBooks.has(symbol)) {
          continue;
        }
        if (params['source'] === 'book') {
          const aggLevel = Number(params['agg_level'] ?? 1);
          const key = `${symbol}:${aggLevel}`;
          if (!snapshots.has(key)) {
            snapshots.set(key, this.wire.book(this.exchange.markets.get(symbol), aggLevel, now));
          }
          send(client, 'book', snapshots.get(key));
        } else if (params['source'] === 'bbo') {
          send(client, 'bbo', this.wire.bbo(this.exchange.markets.get(symbol), now));
        } else if (params['source'] === 'prices') {
          prices ??= this.wire.prices(now);
          send(client, 'prices', prices);
        }
      }
    }
  }

  /** Pushes what changed: trades, order updates, fills, positions and account info. */
  publishEvents(events: SimEvent[]): void {
    if (events.length === 0 || this.clients.size === 0) {
      return;
    }
    const trades = new Map<string, unknown[]>();
    const orderUpdates = new Map<string, unknown[]>();
    const fills = new Map<string, unknown[]>();
    const touched = new Set<string>();
    for (const event of events) {
      switch (event.type) {
        case 'trade':
          push(trades, event.symbol, this.wire.wsTrade(event.trade));
          break;
        case 'order':
          push(orderUpdates, event.account, this.wire.wsOrderUpdate(event.entry));
          touched.add(event.account);
          break;
        case 'fill':
          push(fills, event.account, this.wire.wsFill(event.fill));
          touched.add(event.account);
          break;
        case 'positions':
          touched.add(event.account);
          break;
      }
    }
    for (const client of this.clients) {
      for (const params of client.subscriptions.values()) {
        const source = params['source'] as string;
        const symbol = params['symbol'] as string;
        const account = params['account'] as string;
        if (source === 'trades' && trades.has(symbol) && !this.pausedBooks.has(symbol)) {
          send(client, 'trades', trades.get(symbol));
        } else if (source === 'account_order_updates' && orderUpdates.has(account)) {
          send(client, source, orderUpdates.get(account));
        } else if (source === 'account_trades' && fills.has(account)) {
          send(client, source, fills.get(account));
        } else if (ACCOUNT_SOURCES.includes(source) && touched.has(account)) {
          this.sendAccountSnapshot(client, source, account);
        }
      }
    }
  }

  /** Closes every connection abruptly, as a network drop would. */
  dropAll(): number {
    const count = this.clients.size;
    for (const client of this.clients) {
      client.socket.terminate();
    }
    this.clients.clear();
    return count;
  }

  close(): Promise<void> {
    this.dropAll();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private onMessage(client: Client, raw: RawData): void {
    let message: { method?: unknown; params?: unknown; id?: unknown };
    try {
      message = JSON.parse(rawText(raw)) as typeof message;
    } catch {
      sendError(client, 'Invalid JSON');
      return;
    }
    if (message.method === 'ping') {
      client.socket.send(JSON.stringify({ channel: 'pong' }));
      return;
    }
    const params = (message.params ?? {}) as Params;
    if (message.method === 'subscribe') {
      this.subscribe(client, params);
    } else if (message.method === 'unsubscribe') {
      client.subscriptions.delete(keyOf(params));
      client.socket.send(JSON.stringify({ channel: 'unsubscribe', data: params }));
    } else if (message.id !== undefined && typeof message.params === 'object') {
      this.trade(client, message.id, params);
    } else {
      sendError(client, 'Unknown method');
    }
  }

  private subscribe(client: Client, params: Params): void {
    const source = params['source'];
    if (typeof source !== 'string') {
      sendError(client, 'missing field `source`');
      return;
    }
    if (MARKET_SOURCES.includes(source)) {
      const symbol = params['symbol'];
      if (
        typeof symbol !== 'string' ||
        !this.exchange.markets.list().some((m) => m.spec.symbol === symbol)
      ) {
        sendError(client, `Unknown symbol ${String(symbol)}`);
        return;
      }
    } else if (ACCOUNT_SOURCES.includes(source)) {
      if (typeof params['account'] !== 'string') {
        sendError(client, 'missing field `account`');
        return;
      }
    } else if (source !== 'prices') {
      sendError(client, `Unknown source ${source}`);
      return;
    }
    client.subscriptions.set(keyOf(params), params);
    client.socket.send(JSON.stringify({ channel: 'subscribe', data: params }));
    if (['account_positions', 'account_orders', 'account_info'].includes(source)) {
      this.sendAccountSnapshot(client, source, params['account'] as string);
    }
  }

  private sendAccountSnapshot(client: Client, source: string, account: string): void {
    const now = this.now();
    if (source === 'account_positions') {
      send(
        client,
        source,
        this.exchange.accounts.positions(account).map((p) => this.wire.wsPosition(p)),
      );
    } else if (source === 'account_orders') {
      send(
        client,
        source,
        this.exchange.orders.openOrders(account).map((o) => this.wire.openOrder(o)),
      );
    } else if (source === 'account_info') {
      send(
        client,
        source,
        this.wire.wsAccountInfo(this.exchange.accounts.summary(account, now), now),
      );
    }
  }

  private trade(client: Client, id: unknown, params: Params): void {
    const [type] = Object.keys(params);
    const path = type ? TRADING_ROUTES[type] : undefined;
    const reply = (body: Record<string, unknown>) =>
      client.socket.send(JSON.stringify({ ...body, id, t: this.now(), type }));
    if (!type || !path) {
      reply({ code: 400, data: null, err: `Unknown operation ${String(type)}` });
      return;
    }
    const body = params[type] as Params;
    try {
      const data = this.api.post(path, body).data as Record<string, unknown> | null;
      const result = DATA_REPLIES.includes(type)
        ? data
        : {
            I: body['client_order_id'] ?? null,
            i: data?.['order_id'] ?? body['order_id'] ?? null,
            s: body['symbol'],
          };
      reply({ code: 200, data: result });
    } catch (error) {
      const httpError = toHttpError(error);
      reply({ code: httpError.status === 422 ? 420 : 400, data: null, err: httpError.message });
    }
    this.onChange();
  }
}

function keyOf(params: Params): string {
  return JSON.stringify(
    Object.keys(params)
      .sort()
      .map((key) => [key, params[key]]),
  );
}

function send(client: Client, channel: string, data: unknown): void {
  if (client.socket.readyState === WebSocket.OPEN) {
    client.socket.send(JSON.stringify({ channel, data }));
  }
}

function sendError(client: Client, message: string): void {
  send(client, 'error', { code: 400, message });
}

function push(map: Map<string, unknown[]>, key: string, value: unknown): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

function rawText(raw: RawData): string {
  if (Array.isArray(raw)) {
    return Buffer.concat(raw).toString('utf8');
  }
  return Buffer.from(raw as ArrayBuffer).toString('utf8');
}
