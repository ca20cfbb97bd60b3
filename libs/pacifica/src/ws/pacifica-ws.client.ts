import { systemClock, type BackoffPolicy, type Clock } from '@nexwave/core';

import { WsConnection } from './ws-connection';
import { parseWsFrame, type PacificaWsEventMap, type WsChannel } from './ws-events.schema';
import { subscriptionKey, subscriptionParams, type WsSubscription } from './ws-subscription';

export interface PacificaWsClientOptions {
  /** e.g. `wss://test-ws.pacifica.fi/ws`. */
  url: string;
  /** Rate-limit key, sent as `PF-API-KEY` on the upgrade request. */
  apiKey?: string;
  /** App-level `{"method":"ping"}`; the server drops a client silent for 60 s. */
  pingIntervalMs?: number;
  idleTimeoutMs?: number;
  reconnect?: Partial<BackoffPolicy>;
  /** A book subscription without an update for this long (while connected) is resubscribed. 0 disables. */
  bookStaleAfterMs?: number;
  /** Pacifica allows 20 subscriptions per channel per connection; more open another connection. */
  maxSubscriptionsPerChannel?: number;
  random?: () => number;
  clock?: Clock;
}

export interface WsCounters {
  connections: number;
  reconnects: number;
  malformed: number;
  staleResubscribes: number;
  listenerErrors: number;
}

type Listener<C extends WsChannel> = (data: PacificaWsEventMap[C]) => void;

/**
 * Pacifica WebSocket client. Events are delivered to typed listeners (`on(channel, fn)` returns an
 * unsubscribe function), synchronously, in arrival order per connection. A listener that throws is
 * counted and does not affect the others. Malformed frames are counted and skipped.
 */
export class PacificaWsClient {
  private readonly connections: WsConnection[] = [];
  private readonly listeners = new Map<WsChannel, Set<Listener<WsChannel>>>();
  /** Last book update per book subscription key, for the staleness watchdog. */
  private readonly bookSeenAt = new Map<string, number>();
  private readonly counters: WsCounters = {
    connections: 0,
    reconnects: 0,
    malformed: 0,
    staleResubscribes: 0,
    listenerErrors: 0,
  };
  private readonly clock: Clock;
  private watchdog: NodeJS.Timeout | null = null;
  private started = false;

  constructor(private readonly options: PacificaWsClientOptions) {
    this.clock = options.clock ?? systemClock;
  }

  on<C extends WsChannel>(channel: C, listener: Listener<C>): () => void {
    const set = this.listeners.get(channel) ?? new Set();
    this.listeners.set(channel, set);
    set.add(listener as Listener<WsChannel>);
    return () => set.delete(listener as Listener<WsChannel>);
  }

  /** Opens the connections (one per 20 subscriptions of a channel); resolves when each has opened once. */
  async connect(): Promise<void> {
    this.started = true;
    if (this.connections.length === 0) {
      this.newConnection();
    }
    const staleAfter = this.options.bookStaleAfterMs ?? 10_000;
    if (staleAfter > 0 && !this.watchdog) {
      this.watchdog = setInterval(
        () => this.checkStaleBooks(staleAfter),
        Math.max(10, staleAfter / 4),
      );
    }
    await Promise.all(this.connections.map((connection) => connection.start()));
  }

  /** Idempotent; before `connect` it is remembered and sent on open. */
  subscribe(subscription: WsSubscription): void {
    const key = subscriptionKey(subscription);
    if (this.connections.some((connection) => connection.subscriptions.has(key))) {
      return;
    }
    const connection = this.connectionWithRoomFor(subscription.source);
    if (subscription.source === 'book') {
      this.bookSeenAt.set(key, this.now());
    }
    connection.add(key, subscriptionParams(subscription));
  }

  unsubscribe(subscription: WsSubscription): void {
    const key = subscriptionKey(subscription);
    this.bookSeenAt.delete(key);
    for (const connection of this.connections) {
      connection.remove(key);
    }
  }

  stats(): WsCounters {
    return { ...this.counters, connections: this.connections.length };
  }

  async close(): Promise<void> {
    this.started = false;
    if (this.watchdog) {
      clearInterval(this.watchdog);
      this.watchdog = null;
    }
    await Promise.all(this.connections.map((connection) => connection.close()));
  }

  private connectionWithRoomFor(source: string): WsConnection {
    const limit = this.options.maxSubscriptionsPerChannel ?? 20;
    const withRoom = this.connections.find(
      (connection) =>
        [...connection.subscriptions.values()].filter((params) => params['source'] === source)
          .length < limit,
    );
    return withRoom ?? this.newConnection();
  }

  private newConnection(): WsConnection {
    const connection = new WsConnection(
      {
        url: this.options.url,
        apiKey: this.options.apiKey,
        pingIntervalMs: this.options.pingIntervalMs ?? 30_000,
        idleTimeoutMs: this.options.idleTimeoutMs ?? 45_000,
        reconnect: { baseDelayMs: 500, maxDelayMs: 30_000, ...this.options.reconnect },
        random: this.options.random ?? Math.random,
        now: () => this.now(),
      },
      {
        onText: (text, from) => this.onText(text, from),
        onOpen: (from, reconnected) => this.onOpen(from, reconnected),
      },
    );
    this.connections.push(connection);
    if (this.started) {
      void connection.start();
    }
    return connection;
  }

  private onOpen(connection: WsConnection, reconnected: boolean): void {
    if (reconnected) {
      this.counters.reconnects++;
    }
    // A fresh connection gets the full staleness window before its books count as stale.
    for (const key of connection.subscriptions.keys()) {
      if (this.bookSeenAt.has(key)) {
        this.bookSeenAt.set(key, this.now());
      }
    }
  }

  private onText(text: string, connection: WsConnection): void {
    const frame = parseWsFrame(text);
    if (frame.kind === 'malformed') {
      this.counters.malformed++;
      return;
    }
    if (frame.kind === 'control') {
      return;
    }
    if (frame.channel === 'book') {
      const symbol = (frame.data as PacificaWsEventMap['book']).symbol;
      for (const [key, params] of connection.subscriptions) {
        if (params['source'] === 'book' && params['symbol'] === symbol) {
          this.bookSeenAt.set(key, this.now());
        }
      }
    }
    for (const listener of this.listeners.get(frame.channel) ?? []) {
      try {
        listener(frame.data);
      } catch {
        this.counters.listenerErrors++;
      }
    }
  }

  private checkStaleBooks(staleAfterMs: number): void {
    const now = this.now();
    for (const connection of this.connections) {
      if (!connection.isOpen) {
        continue;
      }
      for (const key of connection.subscriptions.keys()) {
        const seenAt = this.bookSeenAt.get(key);
        if (seenAt !== undefined && now - seenAt > staleAfterMs) {
          connection.resubscribe(key);
          this.bookSeenAt.set(key, now);
          this.counters.staleResubscribes++;
        }
      }
    }
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
