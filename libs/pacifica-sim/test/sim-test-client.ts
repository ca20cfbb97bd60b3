import { WebSocket } from 'ws';

import { RequestSigner, SolanaKeypair } from '@nexwave/pacifica';

export interface ApiResponse<T = unknown> {
  status: number;
  body: { success: boolean; data: T; error: string | null; code: number | null } & Record<
    string,
    unknown
  >;
}

/** Real HTTP calls to the simulator, signed with the project's own RequestSigner. */
export class SimTestClient {
  constructor(private readonly baseUrl: string) {}

  async get<T = unknown>(
    path: string,
    query: Record<string, string | number> = {},
  ): Promise<ApiResponse<T>> {
    const params = new URLSearchParams(
      Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
    );
    const response = await fetch(`${this.baseUrl}${path}?${params.toString()}`);
    return { status: response.status, body: (await response.json()) as ApiResponse<T>['body'] };
  }

  async post<T = unknown>(path: string, body: unknown): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as ApiResponse<T>['body'] };
  }

  signed<T = unknown>(
    signer: RequestSigner,
    path: string,
    type: string,
    payload: object,
  ): Promise<ApiResponse<T>> {
    return this.post<T>(path, signer.sign(type, payload));
  }
}

export function newTrader(): { keypair: SolanaKeypair; signer: RequestSigner } {
  const keypair = SolanaKeypair.generate();
  return { keypair, signer: new RequestSigner(keypair) };
}

export interface WsMessage {
  channel: string;
  data: unknown;
  [key: string]: unknown;
}

/** A WebSocket client that buffers messages so tests await the one they expect. */
export class WsProbe {
  private readonly buffer: WsMessage[] = [];
  private waiters: { match: (m: WsMessage) => boolean; resolve: (m: WsMessage) => void }[] = [];
  readonly closed: Promise<number>;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString('utf8')) as WsMessage;
      const waiter = this.waiters.find((w) => w.match(message));
      if (waiter) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(message);
      } else {
        this.buffer.push(message);
      }
    });
    this.closed = new Promise((resolve) => socket.on('close', (code: number) => resolve(code)));
  }

  static open(url: string): Promise<WsProbe> {
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new WsProbe(socket)));
      socket.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  /** The next message (buffered or future) that matches; consumes it and everything before it. */
  next<T = unknown>(match: (message: WsMessage) => boolean): Promise<WsMessage & { data: T }> {
    const index = this.buffer.findIndex(match);
    if (index >= 0) {
      const [message] = this.buffer.splice(0, index + 1).slice(-1);
      return Promise.resolve(message as WsMessage & { data: T });
    }
    this.buffer.length = 0;
    return new Promise((resolve) =>
      this.waiters.push({ match, resolve: resolve as (m: WsMessage) => void }),
    );
  }

  async subscribe(params: Record<string, unknown>): Promise<void> {
    this.send({ method: 'subscribe', params });
    await this.next(
      (m) => m.channel === 'subscribe' && JSON.stringify(m.data) === JSON.stringify(params),
    );
  }

  close(): Promise<number> {
    this.socket.close();
    return this.closed;
  }
}
