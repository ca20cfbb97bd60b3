import { createServer, Socket, type AddressInfo } from 'node:net';

import type { Tick } from '../src/domain/tick';

/** A loopback TCP proxy that can cut the database off (existing and new connections) and restore it. */
export interface TcpProxy {
  readonly port: number;
  /** Drops every connection and refuses new ones until `resume`. */
  cut(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let cut = false;
  const server = createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = new Socket();
    upstream.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      cut = true;
      sockets.forEach((socket) => socket.destroy());
    },
    resume() {
      cut = false;
    },
    async close() {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let nextTradeId = 1;

export function tick(overrides: Partial<Tick> = {}): Tick {
  return {
    time: new Date('2026-03-01T12:00:00.000Z'),
    symbol: 'BTC',
    price: '97000.5',
    size: '0.25',
    side: 'buy',
    tradeId: String(nextTradeId++),
    source: 'pacifica',
    ...overrides,
  };
}
