import { assertNever } from '@nexwave/core';

import { PacificaOrderError } from '../pacifica.errors';
import type { RequestSigner } from '../signing/request-signer';
import type { JsonObject } from '../signing/signing-message';
import type {
  CancelOrderParams,
  LimitOrderParams,
  MarketOrderParams,
  PositionTpslParams,
} from './order-payloads';

/** Most actions Pacifica accepts in one `/orders/batch` request. */
export const MAX_BATCH_ACTIONS = 10;

/** Each batch action is signed with the operation type of its single-order endpoint. */
export const BATCH_OPERATION_TYPES = {
  Create: 'create_order',
  CreateMarket: 'create_market_order',
  Cancel: 'cancel_order',
  CancelStopOrder: 'cancel_stop_order',
  SetPositionTpsl: 'set_position_tpsl',
} as const;

export type BatchActionType = keyof typeof BATCH_OPERATION_TYPES;

export type BatchAction =
  | { type: 'Create'; params: LimitOrderParams }
  | { type: 'CreateMarket'; params: MarketOrderParams }
  | { type: 'Cancel'; params: CancelOrderParams }
  | { type: 'CancelStopOrder'; params: CancelOrderParams }
  | { type: 'SetPositionTpsl'; params: PositionTpslParams };

/** An action with its rounded, validated payload, ready to sign. */
export interface PreparedBatchAction {
  type: BatchActionType;
  payload: JsonObject;
}

export function assertBatchSize(count: number): void {
  if (count === 0) {
    throw new PacificaOrderError('INVALID_ORDER', 'a batch needs at least one action');
  }
  if (count > MAX_BATCH_ACTIONS) {
    throw new PacificaOrderError(
      'BATCH_TOO_LARGE',
      `a batch holds at most ${MAX_BATCH_ACTIONS} actions`,
      { actions: count },
    );
  }
}

/** The body of `POST /orders/batch`: every action's complete body, each signed on its own. */
export function signBatch(
  signer: RequestSigner,
  actions: readonly PreparedBatchAction[],
  timestamp?: number,
): { actions: { type: BatchActionType; data: JsonObject }[] } {
  assertBatchSize(actions.length);
  return {
    actions: actions.map((action) => ({
      type: action.type,
      data: signer.sign(BATCH_OPERATION_TYPES[action.type], action.payload, timestamp),
    })),
  };
}

/**
 * Whether sending the action twice cannot act twice: cancels (a second one finds nothing) and
 * creates with a client_order_id (looked up before a resend). A TP/SL could be added twice.
 */
export function isIdempotent(action: PreparedBatchAction): boolean {
  switch (action.type) {
    case 'Cancel':
    case 'CancelStopOrder':
      return true;
    case 'Create':
    case 'CreateMarket':
      return clientOrderIdOf(action) !== null;
    case 'SetPositionTpsl':
      return false;
    default:
      return assertNever(action.type);
  }
}

export function clientOrderIdOf(action: PreparedBatchAction): string | null {
  const cloid = action.payload['client_order_id'];
  return typeof cloid === 'string' ? cloid : null;
}
