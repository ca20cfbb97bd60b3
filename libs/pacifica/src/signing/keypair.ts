import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { Keypair } from '@solana/web3.js';
import bs58 from 'bs58';

import { DomainError } from '@nexwave/core';

// DER prefixes that turn a raw 32-byte ed25519 seed / public key into PKCS#8 / SPKI for node:crypto.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export class InvalidKeyError extends DomainError<'INVALID_KEY'> {
  constructor(reason: string) {
    super('INVALID_KEY', `Invalid Pacifica key: ${reason}`);
  }
}

/**
 * An ed25519 Solana keypair. Key handling goes through @solana/web3.js (it checks that the public
 * half matches the seed); signing goes through node:crypto, ten times faster, same bytes (RFC 8032).
 * The secret never leaves this object: toString/toJSON show only the public key.
 */
export class SolanaKeypair {
  readonly publicKey: string;
  readonly #privateKey: KeyObject;

  private constructor(keypair: Keypair) {
    this.publicKey = keypair.publicKey.toBase58();
    this.#privateKey = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519, keypair.secretKey.subarray(0, 32)]),
      format: 'der',
      type: 'pkcs8',
    });
  }

  /** Accepts a base58 64-byte secret key (wallet export) or a base58 32-byte seed. */
  static fromBase58(secret: string): SolanaKeypair {
    let bytes: Uint8Array;
    try {
      bytes = bs58.decode(secret.trim());
    } catch {
      throw new InvalidKeyError('not base58');
    }
    if (bytes.length === 32) {
      return new SolanaKeypair(Keypair.fromSeed(bytes));
    }
    if (bytes.length !== 64) {
      throw new InvalidKeyError(`expected 64 bytes (or a 32-byte seed), got ${bytes.length}`);
    }
    try {
      return new SolanaKeypair(Keypair.fromSecretKey(bytes));
    } catch {
      throw new InvalidKeyError('public key half does not match the seed');
    }
  }

  static generate(): SolanaKeypair {
    return new SolanaKeypair(Keypair.generate());
  }

  /** Detached ed25519 signature over the UTF-8 bytes of `message`, base58. */
  sign(message: string): string {
    return bs58.encode(sign(null, Buffer.from(message, 'utf8'), this.#privateKey));
  }

  toString(): string {
    return `SolanaKeypair(${this.publicKey})`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** False for anything malformed: a bad key, a signature that is not base58 or not 64 bytes. */
export function verifySignature(publicKey: string, message: string, signature: string): boolean {
  try {
    const keyBytes = bs58.decode(publicKey);
    const signatureBytes = bs58.decode(signature);
    if (keyBytes.length !== 32 || signatureBytes.length !== 64) {
      return false;
    }
    const key = createPublicKey({
      key: Buffer.concat([SPKI_ED25519, keyBytes]),
      format: 'der',
      type: 'spki',
    });
    return verify(null, Buffer.from(message, 'utf8'), key, signatureBytes);
  } catch {
    return false;
  }
}
