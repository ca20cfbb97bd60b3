import bs58 from 'bs58';

import { buildSigningMessage, verifySignature, type JsonObject } from '@nexwave/pacifica';

import { HttpError } from './http-error';
import { validate, type Schema } from './request-schema';

/** Pacifica's default when a request omits `expiry_window`. */
export const DEFAULT_EXPIRY_WINDOW_MS = 30_000;

const HEADER: Schema = {
  account: { type: 'string' },
  agent_wallet: { type: 'nullableString', optional: true },
  signature: { type: 'string' },
  timestamp: { type: 'int' },
  expiry_window: { type: 'int', optional: true },
};

export interface SignedOperation {
  /** The operation type that was signed, e.g. `create_order`. */
  type: string;
  payload: Schema;
}

export interface VerifiedRequest {
  account: string;
  /** The payload fields: the body without the header. */
  data: Record<string, unknown>;
}

export interface VerifyContext {
  now: number;
  isBoundAgent(account: string, agentWallet: string): boolean;
}

/**
 * Checks a flat signed body in Pacifica's order: deserialisation, then signature, then expiry.
 * The signed object is rebuilt from the body: the header fields are removed and the rest is
 * `data`, so an extra, missing or retyped field breaks verification exactly as it does upstream.
 */
export function verifySignedRequest(
  body: unknown,
  operation: SignedOperation,
  context: VerifyContext,
): VerifiedRequest {
  // In bind_agent_wallet, `agent_wallet` is the signed payload, not the signer.
  const payloadHasAgent = 'agent_wallet' in operation.payload;
  const record = validate(body, { ...HEADER, ...operation.payload });
  const account = record['account'] as string;
  const signature = record['signature'] as string;
  const timestamp = record['timestamp'] as number;
  const expiryWindow = (record['expiry_window'] as number | undefined) ?? DEFAULT_EXPIRY_WINDOW_MS;
  const agentWallet = payloadHasAgent ? null : ((record['agent_wallet'] as string | null) ?? null);

  const data: Record<string, unknown> = { ...record };
  for (const key of ['account', 'signature', 'timestamp', 'expiry_window']) {
    delete data[key];
  }
  if (!payloadHasAgent) {
    delete data['agent_wallet'];
  }

  if (!isPublicKey(account) || (agentWallet !== null && !isPublicKey(agentWallet))) {
    throw new HttpError(400, 'Invalid public key');
  }
  if (!isSignature(signature)) {
    throw new HttpError(400, 'Invalid signature');
  }
  const signer = agentWallet ?? account;
  let message: string;
  try {
    message = buildSigningMessage(
      { type: operation.type, timestamp, expiryWindow },
      data as JsonObject,
    );
  } catch {
    throw new HttpError(400, 'Invalid message');
  }
  const boundOk = agentWallet === null || context.isBoundAgent(account, agentWallet);
  if (!boundOk || !verifySignature(signer, message, signature)) {
    throw new HttpError(400, 'Verification failed');
  }
  if (timestamp + expiryWindow < context.now) {
    throw new HttpError(400, 'Invalid message');
  }
  return { account, data };
}

export function isPublicKey(value: string): boolean {
  return decodedLength(value) === 32;
}

function isSignature(value: string): boolean {
  return decodedLength(value) === 64;
}

function decodedLength(value: string): number {
  try {
    return bs58.decode(value).length;
  } catch {
    return -1;
  }
}
