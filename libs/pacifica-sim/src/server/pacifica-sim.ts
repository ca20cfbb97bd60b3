import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { deriveSeed, seededRandom, systemClock, type Clock } from '@nexwave/core';

import { Exchange } from '../domain/exchange';
import type { WhaleOrigin, WhalePlaced, WhaleRequest } from '../domain/exchange.types';
import { DEFAULT_MARKETS, type MarketSpec } from '../domain/market';
import { handleAdmin, type SimControls } from './admin-routes';
import { FaultInjector, type FaultRule } from './fault-injector';
import { fail, HttpError, toHttpError, type Envelope } from './http-error';
import { SimApi } from './sim-api';
import { WireFormat } from './wire-format';
import { WsHub } from './ws-hub';

export interface PacificaSimOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  markets?: readonly MarketSpec[];
  /** Overrides every market's walk volatility: σ of one step, as a fraction of the price. */
  volatility?: number;
  /** USDC credited to every new account. */
  initialBalance?: string | number;
  /** Walk step + book/bbo/prices stream period; 0 = only on `tick()` (tests). */
  bookIntervalMs?: number;
  /** A random whale every N ms; 0 = off. */
  whaleEveryMs?: number;
  clock?: Clock;
}

export interface PacificaSim extends SimControls {
  /** REST base, including `/api/v1`. */
  readonly url: string;
  readonly wsUrl: string;
  /** Base of the sim-only admin endpoints (`/sim/whales`, `/sim/faults`, ...). */
  readonly adminUrl: string;
  readonly port: number;
  readonly exchange: Exchange;
  readonly faults: FaultInjector;
  readonly wsConnectionCount: number;
  injectWhale(request: WhaleRequest): WhalePlaced;
  stop(): Promise<void>;
}

const API_PREFIX = '/api/v1';

/** Starts the simulator on loopback; resolves once it is listening. */
export async function startPacificaSim(options: PacificaSimOptions = {}): Promise<PacificaSim> {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now().getTime();
  const seed = options.seed ?? 1;
  const exchange = new Exchange({
    seed,
    markets: withVolatility(options.markets ?? DEFAULT_MARKETS, options.volatility),
    initialBalance: String(options.initialBalance ?? '100000'),
  });
  exchange.ticker.tick(now());
  exchange.drainEvents();
  const wire = new WireFormat(exchange);
  const api = new SimApi(exchange, wire, clock);
  const faults = new FaultInjector();
  const server = createServer();
  const hub = new WsHub(server, exchange, wire, api, () => flush(), now);
  const flush = () => hub.publishEvents(exchange.drainEvents());
  const whaleRandom = seededRandom(deriveSeed(seed, 'whales'));
  const placeWhale = (request: WhaleRequest, origin: WhaleOrigin) => {
    const placed = exchange.whales.injectWhale(request, now(), origin);
    hub.publishMarketData();
    return placed;
  };

  const controls: SimControls = {
    addFault: (rule: FaultRule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    dropWsConnections: () => hub.dropAll(),
    pauseBook: (symbol, paused) => {
      exchange.markets.get(symbol);
      if (paused) {
        hub.pausedBooks.add(symbol);
      } else {
        hub.pausedBooks.delete(symbol);
      }
    },
    injectWhale: (request) => placeWhale(request, 'injected'),
    whales: () => exchange.whales.placed,
    tick: (count = 1) => {
      for (let i = 0; i < count; i++) {
        exchange.ticker.tick(now());
        flush();
        hub.publishMarketData();
      }
    },
    moveMid: (symbol, price) => exchange.ticker.moveMid(symbol, price),
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => respond(res, toHttpError(error)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const body = method === 'GET' ? undefined : parseJson(await readBody(req));
    if (url.pathname.startsWith('/sim/')) {
      respond(res, handleAdmin(controls, method, url.pathname, body));
      return;
    }
    if (!url.pathname.startsWith(API_PREFIX)) {
      throw new HttpError(404, 'Not found');
    }
    const path = url.pathname.slice(API_PREFIX.length);
    const fault = faults.take(path);
    if (fault?.mode === 'hang') {
      return; // never answered; stop() closes the socket
    }
    const faultError = fault && new HttpError(fault.status, fault.message, fault.code);
    if (faultError && !fault.afterApply) {
      throw faultError;
    }
    let answer: Envelope | HttpError;
    try {
      if (method === 'POST') {
        answer = api.post(path, body);
      } else if (method === 'GET') {
        answer = api.get(path, url.searchParams);
      } else {
        answer = new HttpError(405, 'Method not allowed');
      }
    } catch (error) {
      answer = toHttpError(error);
    } finally {
      if (method === 'POST') {
        flush();
      }
    }
    respond(res, faultError ?? answer);
  }

  const timers: NodeJS.Timeout[] = [];
  const bookIntervalMs = options.bookIntervalMs ?? 100;
  if (bookIntervalMs > 0) {
    timers.push(setInterval(() => controls.tick(1), bookIntervalMs));
  }
  if (options.whaleEveryMs) {
    timers.push(
      setInterval(() => {
        const markets = exchange.markets.list();
        const market = markets[Math.floor(whaleRandom() * markets.length)];
        placeWhale(
          {
            symbol: market.spec.symbol,
            side: whaleRandom() < 0.5 ? 'bid' : 'ask',
            kind: whaleRandom() < 0.5 ? 'single' : 'ladder',
            durationMs: Math.max(1_000, options.whaleEveryMs! / 2),
          },
          'simulator',
        );
      }, options.whaleEveryMs),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';

  return {
    ...controls,
    injectWhale: (request) => placeWhale(request, 'injected'),
    url: `http://${host}:${port}${API_PREFIX}`,
    wsUrl: `ws://${host}:${port}/ws`,
    adminUrl: `http://${host}:${port}/sim`,
    port,
    exchange,
    faults,
    get wsConnectionCount() {
      return hub.connectionCount;
    },
    stop: async () => {
      timers.forEach((timer) => clearInterval(timer));
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function respond(res: ServerResponse, result: Envelope | HttpError): void {
  const envelope = result instanceof HttpError ? fail(result) : result;
  const status = result instanceof HttpError ? result.status : 200;
  if (res.headersSent) {
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(envelope));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'expected value at line 1 column 1');
  }
}

function withVolatility(
  markets: readonly MarketSpec[],
  volatility: number | undefined,
): readonly MarketSpec[] {
  return volatility === undefined ? markets : markets.map((market) => ({ ...market, volatility }));
}
