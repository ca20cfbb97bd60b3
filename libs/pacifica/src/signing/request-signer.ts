import { systemClock, type Clock } from '@nexwave/core';

import { SolanaKeypair } from './keypair';
import { buildSigningMessage, type JsonObject } from './signing-message';

export const DEFAULT_EXPIRY_WINDOW_MS = 5_000;

export interface SignerOptions {
  /** The account acted on. When it differs from the key's own address, the key is an agent wallet. */
  account?: string;
  expiryWindowMs?: number;
  clock?: Clock;
}

/**
 * Turns an operation payload into the flat request body Pacifica expects: header fields plus the
 * payload, with `agent_wallet` only when an agent key signs. What is signed is what is sent.
 */
export class RequestSigner {
  readonly account: string;
  readonly agentWallet: string | undefined;
  readonly expiryWindowMs: number;
  private readonly clock: Clock;

  constructor(
    private readonly keypair: SolanaKeypair,
    options: SignerOptions = {},
  ) {
    this.account = options.account ?? keypair.publicKey;
    this.agentWallet = this.account === keypair.publicKey ? undefined : keypair.publicKey;
    this.expiryWindowMs = options.expiryWindowMs ?? DEFAULT_EXPIRY_WINDOW_MS;
    this.clock = options.clock ?? systemClock;
  }

  sign(type: string, payload: object, timestamp = this.clock.now().getTime()): JsonObject {
    const data = payload as JsonObject;
    const header = { type, timestamp, expiryWindow: this.expiryWindowMs };
    const signature = this.keypair.sign(buildSigningMessage(header, data));
    const body: JsonObject = { account: this.account };
    if (this.agentWallet) {
      body['agent_wallet'] = this.agentWallet;
    }
    body['signature'] = signature;
    body['timestamp'] = timestamp;
    body['expiry_window'] = this.expiryWindowMs;
    // Optional fields left undefined are dropped from the body as from the signed message.
    for (const key of Object.keys(data)) {
      if (data[key] !== undefined) {
        body[key] = data[key];
      }
    }
    return body;
  }
}
