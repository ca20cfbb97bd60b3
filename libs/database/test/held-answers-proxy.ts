import { createServer, Socket, type AddressInfo } from 'node:net';

/**
 * A loopback proxy to a PostgreSQL server that counts the statements clients send (each Sync or
 * simple Query message ends one) and can hold the server's answers back: while held, a client
 * that waits for an answer before sending its next statement stalls, one that pipelines does not.
 */
export interface HeldAnswersProxy {
  readonly port: number;
  /** Statements received from clients so far. */
  readonly statements: number;
  hold(): void;
  /** Delivers what was held and stops holding. */
  release(): void;
  close(): Promise<void>;
}

const SYNC = 0x53;
const SIMPLE_QUERY = 0x51;

export async function startHeldAnswersProxy(target: {
  host: string;
  port: number;
}): Promise<HeldAnswersProxy> {
  const sockets = new Set<Socket>();
  const held: (() => void)[] = [];
  let holding = false;
  let statements = 0;
  const server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    const counter = messageCounter((type) => {
      if (type === SYNC || type === SIMPLE_QUERY) {
        statements++;
      }
    });
    client.on('data', (chunk) => {
      counter(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      const deliver = () => client.write(chunk);
      if (holding) {
        held.push(deliver);
      } else {
        deliver();
      }
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get statements() {
      return statements;
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      held.splice(0).forEach((deliver) => deliver());
    },
    async close() {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Frontend messages: an untyped startup message (int32 length first), then type byte + length. */
function messageCounter(onMessage: (type: number) => void): (chunk: Buffer) => void {
  let pending = Buffer.alloc(0);
  let started = false;
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      const header = started ? 5 : 4;
      if (pending.length < header) {
        return;
      }
      const length = started ? pending.readInt32BE(1) + 1 : pending.readInt32BE(0);
      if (pending.length < length) {
        return;
      }
      if (started) {
        onMessage(pending[0]);
      }
      started = true;
      pending = pending.subarray(length);
    }
  };
}
