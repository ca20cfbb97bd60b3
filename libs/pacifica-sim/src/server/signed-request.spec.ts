import { FixedClock } from '@nexwave/core/testing';
import { RequestSigner, SolanaKeypair } from '@nexwave/pacifica';

import { HttpError } from './http-error';
import { verifySignedRequest, type SignedOperation } from './signed-request';

const CANCEL: SignedOperation = {
  type: 'cancel_order',
  payload: { symbol: { type: 'string' }, order_id: { type: 'int', optional: true } },
};
const BIND: SignedOperation = {
  type: 'bind_agent_wallet',
  payload: { agent_wallet: { type: 'string' } },
};
const NOW = 1_750_000_000_000;
const owner = SolanaKeypair.generate();
const agent = SolanaKeypair.generate();

function check(body: unknown, operation = CANCEL, bound = false, now = NOW): string {
  try {
    const verified = verifySignedRequest(body, operation, {
      now,
      isBoundAgent: () => bound,
    });
    return `ok ${verified.account} ${JSON.stringify(verified.data)}`;
  } catch (error) {
    return (error as HttpError).message;
  }
}

const signed = (keypair = owner, options = {}) =>
  new RequestSigner(keypair, { clock: new FixedClock(new Date(NOW)), ...options });

describe('verifySignedRequest', () => {
  it('accepts a body signed by the account key and returns its payload', () => {
    const body = signed().sign('cancel_order', { symbol: 'BTC', order_id: 7 });
    expect(check(body)).toBe(`ok ${owner.publicKey} {"symbol":"BTC","order_id":7}`);
  });

  it.each([
    ['a tampered field', { order_id: 8 }, 'Verification failed'],
    ['a retyped field', { order_id: '7' }, 'invalid type: string "7", expected u64'],
    [
      'an unknown field',
      { extra: 1 },
      'unknown field `extra`, expected one of `account`, `agent_wallet`, `signature`, `timestamp`, `expiry_window`, `symbol`, `order_id`',
    ],
    ['a missing field', { symbol: undefined }, 'missing field `symbol`'],
    ['a bad signature', { signature: 'abc' }, 'Invalid signature'],
    ['a bad account', { account: 'not-a-key' }, 'Invalid public key'],
    ['a different operation type', {}, 'Verification failed'],
  ])('rejects %s', (name, change, message) => {
    const body = { ...signed().sign('cancel_order', { symbol: 'BTC', order_id: 7 }), ...change };
    const operation =
      name === 'a different operation type' ? { ...CANCEL, type: 'cancel_stop_order' } : CANCEL;
    expect(check(JSON.parse(JSON.stringify(body)), operation)).toBe(message);
  });

  it('rejects an expired request with "Invalid message"', () => {
    const body = signed().sign('cancel_order', { symbol: 'BTC' });
    expect(check(body, CANCEL, false, NOW + 5_000)).toMatch(/^ok/);
    expect(check(body, CANCEL, false, NOW + 5_001)).toBe('Invalid message');
  });

  it('accepts an agent key only once bound to the account', () => {
    const body = signed(agent, { account: owner.publicKey }).sign('cancel_order', {
      symbol: 'BTC',
    });
    expect(check(body, CANCEL, false)).toBe('Verification failed');
    expect(check(body, CANCEL, true)).toMatch(/^ok/);
  });

  it('treats agent_wallet as the payload of bind_agent_wallet, signed by the account', () => {
    const body = signed().sign('bind_agent_wallet', { agent_wallet: agent.publicKey });
    expect(check(body, BIND)).toBe(`ok ${owner.publicKey} {"agent_wallet":"${agent.publicKey}"}`);
    const byAgent = signed(agent, { account: owner.publicKey }).sign('bind_agent_wallet', {
      agent_wallet: agent.publicKey,
    });
    expect(check({ ...byAgent, agent_wallet: agent.publicKey }, BIND, true)).toBe(
      'Verification failed',
    );
  });
});
