import { FixedClock } from '@nexwave/core/testing';

import { PacificaOrderError } from '../pacifica.errors';
import { SolanaKeypair, verifySignature } from '../signing/keypair';
import { RequestSigner } from '../signing/request-signer';
import { buildSigningMessage, type JsonObject } from '../signing/signing-message';
import {
  assertBatchSize,
  BATCH_OPERATION_TYPES,
  isIdempotent,
  MAX_BATCH_ACTIONS,
  signBatch,
  type PreparedBatchAction,
} from './order-batch';

// The section 2.5 vector of shared/research/pacifica-api.md (official Python SDK output).
const SECRET =
  '49W385L4rePHy6PAaQUovbD2aacgN4HsKXSMeUzRg4fmwXszN91JuMFrQRj3vMDpZuRF3ZknQBuRBoWQJEfXstMw';
const TIMESTAMP = 1_750_000_000_000;
const MARKET_ORDER = {
  symbol: 'BTC',
  reduce_only: false,
  amount: '0.1',
  side: 'bid',
  slippage_percent: '0.5',
  client_order_id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
};
const VECTOR_SIGNATURE =
  'e7T3PFGbuo4SqbAf8PSJ7EUXq3iybaFhFZ8RPwLLbWNJ62VSTAWR5omUS9eViZ6ZdYSyTjfjcBFA3whML2NUMLA';
const CLOID = '0b3c2e52-3f5e-4b7a-9a63-1a7f0c9d2e11';

const ACTIONS: PreparedBatchAction[] = [
  { type: 'CreateMarket', payload: MARKET_ORDER },
  {
    type: 'Create',
    payload: {
      symbol: 'ETH',
      price: '3500',
      reduce_only: false,
      amount: '1',
      side: 'ask',
      tif: 'GTC',
    },
  },
  { type: 'Cancel', payload: { symbol: 'BTC', order_id: 42 } },
  { type: 'CancelStopOrder', payload: { symbol: 'BTC', client_order_id: CLOID } },
  {
    type: 'SetPositionTpsl',
    payload: { symbol: 'BTC', side: 'ask', take_profit: { stop_price: '110000' } },
  },
];

const HEADER_FIELDS = ['account', 'agent_wallet', 'signature', 'timestamp', 'expiry_window'];

function verifiesAs(type: string, data: JsonObject): boolean {
  const payload = Object.fromEntries(
    Object.entries(data).filter(([key]) => !HEADER_FIELDS.includes(key)),
  );
  const message = buildSigningMessage(
    { type, timestamp: data['timestamp'] as number, expiryWindow: data['expiry_window'] as number },
    payload,
  );
  return verifySignature(data['account'] as string, message, data['signature'] as string);
}

describe('signBatch', () => {
  const signer = new RequestSigner(SolanaKeypair.fromBase58(SECRET), {
    clock: new FixedClock(new Date(TIMESTAMP)),
  });
  const body = signBatch(signer, ACTIONS);

  it('keeps every action type and order', () => {
    expect(body.actions.map((a) => a.type)).toEqual(ACTIONS.map((a) => a.type));
  });

  it.each(ACTIONS.map((action, index) => [action.type, index] as const))(
    '%s is signed on its own with its own operation type',
    (type, index) => {
      const { data } = body.actions[index];
      expect(verifiesAs(BATCH_OPERATION_TYPES[type], data)).toBe(true);
      const otherType = type === 'Cancel' ? 'create_order' : 'cancel_order';
      expect(verifiesAs(otherType, data)).toBe(false);
    },
  );

  it('sends each action as the complete body of its single-order request', () => {
    ACTIONS.forEach((action, index) => {
      expect(body.actions[index].data).toEqual(
        signer.sign(BATCH_OPERATION_TYPES[action.type], action.payload),
      );
    });
  });

  it('leaves the canonical JSON unchanged: the SDK vector signature', () => {
    expect(body.actions[0].data['signature']).toBe(VECTOR_SIGNATURE);
    expect(JSON.stringify(body.actions[0].data)).toBe(
      JSON.stringify(signer.sign('create_market_order', MARKET_ORDER)),
    );
  });

  it('refuses more than 10 actions before signing, and an empty batch', () => {
    const eleven = Array.from({ length: MAX_BATCH_ACTIONS + 1 }, () => ACTIONS[2]);
    expect(() => signBatch(signer, eleven)).toThrow(
      expect.objectContaining({ code: 'BATCH_TOO_LARGE' }) as Error,
    );
    expect(() => signBatch(signer, eleven)).toThrow(PacificaOrderError);
    expect(() => assertBatchSize(0)).toThrow(
      expect.objectContaining({ code: 'INVALID_ORDER' }) as Error,
    );
    expect(() => assertBatchSize(MAX_BATCH_ACTIONS)).not.toThrow();
  });
});

describe('isIdempotent', () => {
  it.each([
    ['a create with a client_order_id', ACTIONS[0], true],
    ['a create without one', ACTIONS[1], false],
    ['a cancel by order id', ACTIONS[2], true],
    ['a stop cancel by client_order_id', ACTIONS[3], true],
    ['a position TP/SL', ACTIONS[4], false],
  ])('%s', (_name, action, expected) => {
    expect(isIdempotent(action)).toBe(expected);
  });
});
