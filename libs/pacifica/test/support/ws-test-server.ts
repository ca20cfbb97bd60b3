import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ReceivedMessage {
  socket: WebSocket;
  message: { method?: string; params?: Record<string, unknown> };
}

/** A real WebSocket server on 127.0.0.1, port 0, that records what clients send. */
export class WsTestServer {
  readonly received: ReceivedMessage[] = [];
  readonly upgradeHeaders: Record<string, string | string[] | undefined>[] = [];
  /** Extra frame the server sends after each pong (e.g. a book update that keeps a stream fresh). */
  onPing: ((socket: WebSocket) => void) | null = null;
  private readonly events = new EventEmitter();

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (socket, request) => {
      this.upgradeHeaders.push(request.headers);
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as ReceivedMessage['message'];
        if (message.method === 'ping') {
          socket.send(JSON.stringify({ channel: 'pong' }));
          this.onPing?.(socket);
        }
        if (message.method === 'subscribe') {
          socket.send(JSON.stringify({ channel: 'subscribe', data: message.params }));
        }
        this.received.push({ socket, message });
        this.events.emit('message');
      });
    });
  }

  static async start(): Promise<WsTestServer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    return new WsTestServer(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/ws`;
  }

  get sockets(): WebSocket[] {
    return [...this.server.clients];
  }

  /** Resolves once `count` received messages match `predicate`; event-driven, no polling. */
  async waitFor(
    predicate: (message: ReceivedMessage['message']) => boolean,
    count = 1,
  ): Promise<ReceivedMessage[]> {
    for (;;) {
      const matching = this.received.filter((r) => predicate(r.message));
      if (matching.length >= count) {
        return matching;
      }
      await once(this.events, 'message');
    }
  }

  broadcast(frame: string): void {
    for (const socket of this.server.clients) {
      socket.send(frame);
    }
  }

  /** Drops every client connection without a close handshake. */
  dropAll(): void {
    for (const socket of this.server.clients) {
      socket.terminate();
    }
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }
}

export function subscribeTo(source: string, symbol?: string) {
  return (message: ReceivedMessage['message']) =>
    message.method === 'subscribe' &&
    message.params?.['source'] === source &&
    (symbol === undefined || message.params['symbol'] === symbol);
}
