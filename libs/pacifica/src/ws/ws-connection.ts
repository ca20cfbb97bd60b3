import WebSocket from 'ws';

import { jitteredBackoffDelay, type BackoffPolicy } from '@nexwave/core';

import type { WsParams } from './ws-subscription';

export interface WsConnectionOptions {
  url: string;
  apiKey?: string;
  pingIntervalMs: number;
  /** Nothing received for this long (not even a pong) means a dead socket: reconnect. */
  idleTimeoutMs: number;
  reconnect: BackoffPolicy;
  random: () => number;
  now: () => number;
}

export interface WsConnectionHandlers {
  onText(text: string, connection: WsConnection): void;
  onOpen(connection: WsConnection, reconnected: boolean): void;
}

/**
 * One socket and the subscriptions it carries. Pings every `pingIntervalMs`, reconnects with
 * exponential backoff and full jitter after any close it did not ask for, and re-sends every
 * subscription on each open.
 */
export class WsConnection {
  readonly subscriptions = new Map<string, WsParams>();
  private socket: WebSocket | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private failedAttempts = 0;
  private openedBefore = false;
  private closing = false;
  private lastReceivedAt = 0;
  private opened: Promise<void>;
  private resolveOpened: () => void = () => undefined;

  constructor(
    private readonly options: WsConnectionOptions,
    private readonly handlers: WsConnectionHandlers,
  ) {
    this.opened = new Promise((resolve) => (this.resolveOpened = resolve));
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Opens the socket; resolves on the first successful open (retrying in the background until then). */
  start(): Promise<void> {
    if (!this.socket && !this.reconnectTimer) {
      this.open();
    }
    return this.opened;
  }

  add(key: string, params: WsParams): void {
    this.subscriptions.set(key, params);
    this.send({ method: 'subscribe', params });
  }

  remove(key: string): void {
    const params = this.subscriptions.get(key);
    if (params) {
      this.subscriptions.delete(key);
      this.send({ method: 'unsubscribe', params });
    }
  }

  /** Unsubscribes and subscribes again, e.g. after a stream went stale. */
  resubscribe(key: string): void {
    const params = this.subscriptions.get(key);
    if (params) {
      this.send({ method: 'unsubscribe', params });
      this.send({ method: 'subscribe', params });
    }
  }

  /** Sends when open; otherwise the next open re-sends the subscriptions anyway. */
  send(message: object): void {
    if (this.isOpen) {
      this.socket?.send(JSON.stringify(message));
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.clearTimers();
    const socket = this.socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) {
      return;
    }
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.terminate();
    await closed;
  }

  private open(): void {
    this.reconnectTimer = null;
    const headers = this.options.apiKey ? { 'PF-API-KEY': this.options.apiKey } : undefined;
    const socket = new WebSocket(this.options.url, { headers });
    this.socket = socket;
    socket.on('open', () => {
      this.failedAttempts = 0;
      this.lastReceivedAt = this.options.now();
      for (const params of this.subscriptions.values()) {
        this.send({ method: 'subscribe', params });
      }
      this.pingTimer = setInterval(() => this.heartbeat(), this.options.pingIntervalMs);
      const reconnected = this.openedBefore;
      this.openedBefore = true;
      this.handlers.onOpen(this, reconnected);
      this.resolveOpened();
    });
    socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      this.lastReceivedAt = this.options.now();
      this.handlers.onText(isBinary ? '' : rawToString(data), this);
    });
    // Errors are always followed by 'close', where the reconnect is scheduled.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.clearTimers();
      if (!this.closing) {
        const delay = jitteredBackoffDelay(
          this.failedAttempts++,
          this.options.reconnect,
          this.options.random,
        );
        this.reconnectTimer = setTimeout(() => this.open(), delay);
      }
    });
  }

  private heartbeat(): void {
    if (this.options.now() - this.lastReceivedAt > this.options.idleTimeoutMs) {
      this.socket?.terminate();
      return;
    }
    this.send({ method: 'ping' });
  }

  private clearTimers(): void {
    if (this.pingTimer) {
      clearInterval(this.pingTimer);
      this.pingTimer = null;
    }
    if (this.reconnectTimer) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
    }
  }
}

function rawToString(data: WebSocket.RawData): string {
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
