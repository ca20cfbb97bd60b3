import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** How the server answers one request; the default is 200 `{"ok":true}`. */
export interface FakeAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/**
 * A local stand-in for the Telegram Bot API or a Discord webhook: records every request and
 * answers from a queue of scripted answers (e.g. a 429 with Retry-After, or 500s), then 200.
 * `waitFor(n)` resolves once n requests were answered with a 2xx.
 */
export class FakeAlertEndpoint {
  readonly requests: RecordedRequest[] = [];
  private readonly statuses: number[] = [];
  private readonly script: FakeAnswer[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private succeeded = 0;
  private down = false;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeAlertEndpoint> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const endpoint = new FakeAlertEndpoint(server, `http://127.0.0.1:${port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => endpoint.handle(req, res));
    return endpoint;
  }

  /** The next requests get these answers, in order. */
  answerNext(...answers: FakeAnswer[]): void {
    this.script.push(...answers);
  }

  /** While down, every request gets a 503. */
  setDown(down: boolean): void {
    this.down = down;
  }

  /** Requests answered with a 2xx. */
  get delivered(): RecordedRequest[] {
    return this.requests.filter((_, i) => this.statuses[i] < 300);
  }

  waitFor(count: number): Promise<void> {
    if (this.succeeded >= count) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        // recorded as text
      }
      this.requests.push({ method: req.method ?? '', path: req.url ?? '', body });
      const answer: FakeAnswer = this.down
        ? { status: 503, body: { ok: false, description: 'Service Unavailable' } }
        : (this.script.shift() ?? { status: 200, body: { ok: true } });
      this.statuses.push(answer.status);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      if (answer.status < 300) {
        this.succeeded += 1;
        for (const waiter of this.waiters.filter((w) => this.succeeded >= w.count)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  }
}
