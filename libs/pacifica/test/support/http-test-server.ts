import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

/** Returning 'hang' leaves the request unanswered (the client times out). */
export type Route = (request: RecordedRequest, index: number) => Reply | 'hang';

/** A real HTTP server on 127.0.0.1, port 0, answering through a per-test route function. */
export class HttpTestServer {
  readonly requests: RecordedRequest[] = [];
  private route: Route = () => ({ status: 404, body: 'no route' });
  private readonly hanging: ServerResponse[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<HttpTestServer> {
    const server = createServer();
    const instance = new HttpTestServer(server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () =>
        instance.handle(req.method ?? 'GET', req.url ?? '/', req.headers, body, res),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1`;
  }

  setRoute(route: Route): void {
    this.route = route;
  }

  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }

  async close(): Promise<void> {
    for (const res of this.hanging) {
      res.destroy();
    }
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private handle(
    method: string,
    url: string,
    headers: IncomingHttpHeaders,
    body: string,
    res: ServerResponse,
  ): void {
    const parsed = new URL(url, 'http://localhost');
    const request: RecordedRequest = {
      method,
      path: parsed.pathname.replace(/^\/api\/v1/, ''),
      query: parsed.searchParams,
      headers,
      body,
    };
    this.requests.push(request);
    const reply = this.route(request, this.requests.length - 1);
    if (reply === 'hang') {
      this.hanging.push(res);
      return;
    }
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body);
  }
}

/** The live API's envelope around `data`, with optional top-level fields beside it. */
export function ok(data: unknown, extra: Record<string, unknown> = {}): Reply {
  return { body: JSON.stringify({ success: true, data, error: null, code: null, ...extra }) };
}

export function fail(status: number, error: string, code: number | null = null): Reply {
  return { status, body: JSON.stringify({ success: false, data: null, error, code }) };
}
