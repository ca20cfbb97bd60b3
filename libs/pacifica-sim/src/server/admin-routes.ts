import type { WhaleRecord, WhaleRequest } from '../domain/exchange.types';
import type { FaultRule } from './fault-injector';
import { HttpError, ok, type Envelope } from './http-error';
import { validate } from './request-schema';

/** What the sim-only `/sim/*` endpoints drive (also the programmatic controls). */
export interface SimControls {
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  dropWsConnections(): number;
  pauseBook(symbol: string, paused: boolean): void;
  injectWhale(request: WhaleRequest): unknown;
  /** Ground truth: every whale placed, injected or the simulator's own. */
  whales(): readonly WhaleRecord[];
  tick(count?: number): void;
  moveMid(symbol: string, price: string): void;
}

export function handleAdmin(
  controls: SimControls,
  method: string,
  path: string,
  body: unknown,
): Envelope {
  const route = `${method} ${path}`;
  switch (route) {
    case 'POST /sim/faults': {
      const rule = validate(body, {
        mode: { type: { enum: ['error', 'hang', 'reject'] } },
        path: { type: 'string', optional: true },
        count: { type: 'int', optional: true },
        status: { type: 'int', optional: true },
        message: { type: 'string', optional: true },
        code: { type: 'int', optional: true },
        afterApply: { type: 'bool', optional: true },
      });
      controls.addFault(rule as unknown as FaultRule);
      return ok(null);
    }
    case 'DELETE /sim/faults':
      controls.clearFaults();
      return ok(null);
    case 'POST /sim/ws/drop':
      return ok({ dropped: controls.dropWsConnections() });
    case 'POST /sim/books/pause': {
      const request = validate(body, {
        symbol: { type: 'string' },
        paused: { type: 'bool', optional: true },
      });
      controls.pauseBook(
        request['symbol'] as string,
        (request['paused'] as boolean | undefined) ?? true,
      );
      return ok(null);
    }
    case 'POST /sim/whales': {
      const request = validate(body, {
        symbol: { type: 'string' },
        side: { type: { enum: ['bid', 'ask'] } },
        kind: { type: { enum: ['single', 'ladder'] } },
        notionalUsd: { type: 'int', optional: true },
        durationMs: { type: 'int', optional: true },
        levels: { type: 'int', optional: true },
      });
      return ok(controls.injectWhale(request as unknown as WhaleRequest));
    }
    case 'GET /sim/whales':
      return ok(controls.whales());
    case 'POST /sim/tick': {
      const request = validate(body ?? {}, { count: { type: 'int', optional: true } });
      controls.tick((request['count'] as number | undefined) ?? 1);
      return ok(null);
    }
    case 'POST /sim/price': {
      const request = validate(body, { symbol: { type: 'string' }, price: { type: 'decimal' } });
      controls.moveMid(request['symbol'] as string, request['price'] as string);
      return ok(null);
    }
    default:
      throw new HttpError(404, 'Not found');
  }
}
