import type { IncomingMessage, ServerResponse } from 'node:http';
import { Histogram, type Registry } from 'prom-client';

type Request = IncomingMessage & {
  route?: { path?: string };
  baseUrl?: string;
  originalUrl?: string;
};

/** Paths served outside Nest's router (Apollo, Swagger UI): named by their mount, never by the URL. */
const MOUNTS = ['/graphql', '/docs'];

/** HTTP request durations by route template, method and status class (2xx...5xx). */
export class HttpMetrics {
  readonly requestSeconds: Histogram<'route' | 'method' | 'status'>;

  constructor(registry: Registry) {
    this.requestSeconds = new Histogram({
      name: 'nexwave_http_request_duration_seconds',
      help: 'HTTP request duration, by route template (`unmatched` for any unknown path), method and status class',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  /** Express middleware timing every request until its response is sent. */
  readonly middleware = (req: Request, res: ServerResponse, next: () => void): void => {
    const end = this.requestSeconds.startTimer();
    res.once('finish', () => {
      end({
        route: routeOf(req),
        method: req.method ?? 'OTHER',
        status: `${Math.floor(res.statusCode / 100)}xx`,
      });
    });
    next();
  };
}

function routeOf(req: Request): string {
  const template = req.route?.path;
  // Nest answers an unknown path 404 from a catch-all route (`/{*path}`).
  if (template !== undefined && !template.includes('*')) {
    return `${req.baseUrl ?? ''}${template}`;
  }
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0] ?? '';
  return MOUNTS.find((mount) => path === mount || path.startsWith(`${mount}/`)) ?? 'unmatched';
}
