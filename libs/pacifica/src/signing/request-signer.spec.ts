import { FixedClock } from '@nexwave/core/testing';

import { SolanaKeypair, verifySignature } from './keypair';
import { RequestSigner } from './request-signer';
import { buildSigningMessage, toSdkJson } from './signing-message';

// Section 2.5 of shared/research/pacifica-api.md, produced by the official Python SDK.
const SECRET =
  '49W385L4rePHy6PAaQUovbD2aacgN4HsKXSMeUzRg4fmwXszN91JuMFrQRj3vMDpZuRF3ZknQBuRBoWQJEfXstMw';
const SEED_HEX = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const ACCOUNT = 'FVen3X669xLzsi6N2V91DoiyzHzg1uAgqiT8jZ9nS96Z';
const PAYLOAD = {
  symbol: 'BTC',
  reduce_only: false,
  amount: '0.1',
  side: 'bid',
  slippage_percent: '0.5',
  client_order_id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
};
const MESSAGE =
  '{"data":{"amount":"0.1","client_order_id":"f47ac10b-58cc-4372-a567-0e02b2c3d479","reduce_only":false,"side":"bid","slippage_percent":"0.5","symbol":"BTC"},"expiry_window":5000,"timestamp":1750000000000,"type":"create_market_order"}';
const SIGNATURE =
  'e7T3PFGbuo4SqbAf8PSJ7EUXq3iybaFhFZ8RPwLLbWNJ62VSTAWR5omUS9eViZ6ZdYSyTjfjcBFA3whML2NUMLA';

describe('Pacifica signing (SDK vector, section 2.5)', () => {
  const keypair = SolanaKeypair.fromBase58(SECRET);

  it('derives the account address from the secret key', () => {
    expect(keypair.publicKey).toBe(ACCOUNT);
  });

  it('accepts the 32-byte seed form of the same key', () => {
    const bs58 = jest.requireActual<typeof import('bs58')>('bs58').default;
    const seed = bs58.encode(Buffer.from(SEED_HEX, 'hex'));
    expect(SolanaKeypair.fromBase58(seed).publicKey).toBe(ACCOUNT);
  });

  it('builds the exact message bytes', () => {
    const message = buildSigningMessage(
      { type: 'create_market_order', timestamp: 1_750_000_000_000, expiryWindow: 5_000 },
      PAYLOAD,
    );
    expect(message).toBe(MESSAGE);
  });

  it('signs to the exact signature', () => {
    expect(keypair.sign(MESSAGE)).toBe(SIGNATURE);
    expect(verifySignature(ACCOUNT, MESSAGE, SIGNATURE)).toBe(true);
  });

  it('builds the flat body: header and payload, no data, no type, no agent_wallet', () => {
    const signer = new RequestSigner(keypair, {
      clock: new FixedClock(new Date(1_750_000_000_000)),
    });
    expect(signer.sign('create_market_order', PAYLOAD)).toEqual({
      account: ACCOUNT,
      signature: SIGNATURE,
      timestamp: 1_750_000_000_000,
      expiry_window: 5_000,
      ...PAYLOAD,
    });
  });
});

describe('SDK serialisation rules', () => {
  it('sorts keys at every depth, inside arrays too, keeping array order', () => {
    expect(toSdkJson({ b: [{ z: 1, a: 2 }, 'x'], a: { d: true, c: null } })).toBe(
      '{"a":{"c":null,"d":true},"b":[{"a":2,"z":1},"x"]}',
    );
  });

  it('sorts keys of objects nested three and four deep, in and out of arrays (fails if canonical JSON sorts keys only at the top two levels)', () => {
    const payload = {
      z: { y: { x: { w: 1, v: 2 }, u: [{ t: { s: 3, r: 4 } }] } },
      b: [[{ d: { f: 5, e: 6 } }]],
    };
    expect(
      buildSigningMessage({ type: 'batch_order', timestamp: 1, expiryWindow: 2 }, payload),
    ).toBe(
      '{"data":{"b":[[{"d":{"e":6,"f":5}}]],"z":{"y":{"u":[{"t":{"r":4,"s":3}}],"x":{"v":2,"w":1}}}},"expiry_window":2,"timestamp":1,"type":"batch_order"}',
    );
  });

  it('sorts by code point: digits, uppercase, underscore, lowercase', () => {
    expect(toSdkJson({ ab: 1, a_b: 2, aB: 3, a1: 4 })).toBe('{"a1":4,"aB":3,"a_b":2,"ab":1}');
  });

  it('escapes non-ASCII and DEL as lowercase \\uXXXX, astral as surrogate pairs', () => {
    expect(toSdkJson({ s: 'é€\u007f😀/' })).toBe('{"s":"\\u00e9\\u20ac\\u007f\\ud83d\\ude00/"}');
  });

  it('uses the short escapes and lowercase hex for control characters', () => {
    expect(toSdkJson({ s: '"\\\n\r\t\b\f\u0001' })).toBe('{"s":"\\"\\\\\\n\\r\\t\\b\\f\\u0001"}');
  });

  it('refuses floats: decimals travel as strings', () => {
    expect(() => toSdkJson({ price: 0.1 })).toThrow(TypeError);
  });

  it('drops undefined optional fields from message and body alike', () => {
    const keypair = SolanaKeypair.generate();
    const signer = new RequestSigner(keypair, { clock: new FixedClock(new Date(1)) });
    const body = signer.sign('cancel_order', {
      symbol: 'BTC',
      order_id: 7,
      client_order_id: undefined,
    });
    expect(body).not.toHaveProperty('client_order_id');
    const message = buildSigningMessage(
      { type: 'cancel_order', timestamp: 1, expiryWindow: 5_000 },
      { symbol: 'BTC', order_id: 7 },
    );
    expect(verifySignature(keypair.publicKey, message, body['signature'] as string)).toBe(true);
  });
});

describe('agent wallet requests', () => {
  it('carry the main account and agent_wallet, signed by the agent key', () => {
    const agent = SolanaKeypair.generate();
    const signer = new RequestSigner(agent, {
      account: ACCOUNT,
      clock: new FixedClock(new Date(5)),
    });
    const body = signer.sign('cancel_all_orders', {
      all_symbols: true,
      exclude_reduce_only: false,
    });
    expect(body['account']).toBe(ACCOUNT);
    expect(body['agent_wallet']).toBe(agent.publicKey);
    const message = buildSigningMessage(
      { type: 'cancel_all_orders', timestamp: 5, expiryWindow: 5_000 },
      { all_symbols: true, exclude_reduce_only: false },
    );
    expect(verifySignature(agent.publicKey, message, body['signature'] as string)).toBe(true);
  });
});

describe('key handling', () => {
  it.each([
    ['not base58', 'not-base58-0OIl'],
    ['wrong length', '3yZe7d'],
  ])('refuses a malformed key (%s) without echoing it', (_, secret) => {
    const error = captureError(() => SolanaKeypair.fromBase58(secret));
    expect(error.message).toMatch(/Invalid Pacifica key/);
    expect(error.message).not.toContain(secret);
  });

  it('never prints the secret', () => {
    const keypair = SolanaKeypair.fromBase58(SECRET);
    expect(JSON.stringify({ keypair })).not.toContain(SECRET);
    expect(String(keypair)).toBe(`SolanaKeypair(${ACCOUNT})`);
  });
});

function captureError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('key checks (mutation testing)', () => {
  const bs58 = jest.requireActual<typeof import('bs58')>('bs58').default;

  it.each([
    ['not base58', 'not-base58-0OIl', 'Invalid Pacifica key: not base58'],
    ['33 bytes', bs58.encode(new Uint8Array(33)), 'expected 64 bytes (or a 32-byte seed), got 33'],
    [
      'a public half of another key',
      bs58.encode(Buffer.concat([bs58.decode(SECRET).subarray(0, 32), new Uint8Array(32).fill(7)])),
      'Invalid Pacifica key: public key half does not match the seed',
    ],
  ])('says why it refuses a key (%s)', (_, secret, message) => {
    expect(() => SolanaKeypair.fromBase58(secret)).toThrow(message);
  });

  it('trims whitespace around a key', () => {
    expect(SolanaKeypair.fromBase58(` ${SECRET}\n`).publicKey).toBe(ACCOUNT);
  });

  it('verifies nothing with a key or a signature of the wrong length, or not base58', () => {
    const keypair = SolanaKeypair.fromBase58(SECRET);
    const signature = keypair.sign('m');
    const bytes = bs58.decode(signature);
    expect(verifySignature(ACCOUNT, 'm', signature)).toBe(true);
    expect(verifySignature(bs58.encode(new Uint8Array(33)), 'm', signature)).toBe(false);
    expect(verifySignature(ACCOUNT, 'm', bs58.encode(bytes.subarray(0, 63)))).toBe(false);
    expect(verifySignature(ACCOUNT, 'm', '0OIl')).toBe(false);
  });
});

describe('payload checks (mutation testing)', () => {
  const header = { type: 'create_order', timestamp: 1, expiryWindow: 5_000 };

  it.each([
    ['timestamp', { ...header, timestamp: 1.5 }, {}, 'timestamp must be a safe integer, got 1.5'],
    [
      'expiry window',
      { ...header, expiryWindow: 0.5 },
      {},
      'expiry_window must be a safe integer, got 0.5',
    ],
    [
      'number in payload',
      header,
      { price: 0.1 },
      'number in payload must be a safe integer, got 0.1',
    ],
  ])('names the %s that is not an integer', (_, signingHeader, data, message) => {
    expect(() => buildSigningMessage(signingHeader, data)).toThrow(message);
  });
});
