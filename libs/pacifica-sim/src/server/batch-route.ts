import { HttpError } from './http-error';
import { POST_ROUTES, type PostRoute } from './rest-routes';

export const BATCH_PATH = '/orders/batch';
export const MAX_BATCH_ACTIONS = 10;

// Batch action type -> the REST route whose signed body (and operation type) it carries.
// `Edit` is not simulated, so it is refused as an unknown variant.
const ACTION_ROUTES: Record<string, string> = {
  Create: '/orders/create',
  CreateMarket: '/orders/create_market',
  Cancel: '/orders/cancel',
  CancelStopOrder: '/orders/stop/cancel',
  SetPositionTpsl: '/positions/tpsl',
};

export interface BatchAction {
  route: PostRoute;
  body: unknown;
}

/** `{actions: [{type, data}]}` with at most 10 actions; anything else rejects the whole batch. */
export function parseBatch(body: unknown): BatchAction[] {
  const actions = isRecord(body) ? body['actions'] : undefined;
  if (!Array.isArray(actions)) {
    throw new HttpError(400, 'missing field `actions`');
  }
  if (actions.length > MAX_BATCH_ACTIONS) {
    throw new HttpError(400, `Batch exceeds the maximum of ${MAX_BATCH_ACTIONS} actions`);
  }
  return actions.map((action: unknown) => {
    const type = isRecord(action) ? action['type'] : undefined;
    const path = typeof type === 'string' ? ACTION_ROUTES[type] : undefined;
    if (!path) {
      const expected = Object.keys(ACTION_ROUTES)
        .map((name) => `\`${name}\``)
        .join(', ');
      throw new HttpError(400, `unknown variant \`${String(type)}\`, expected one of ${expected}`);
    }
    return { route: POST_ROUTES[path], body: (action as Record<string, unknown>)['data'] };
  });
}

/** One entry of `data.results`: `{success, order_id?}` or `{success: false, error, code}`. */
export function batchResult(outcome: unknown): Record<string, unknown> {
  if (outcome instanceof HttpError) {
    return { success: false, error: outcome.message, code: outcome.code };
  }
  const orderId = isRecord(outcome) ? outcome['order_id'] : undefined;
  return orderId === undefined ? { success: true } : { success: true, order_id: orderId };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
