import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * An API key is `nxk_<id>_<secret>`: a visible prefix (so a leaked key is recognisable), a public
 * id (16 hex digits, 64 random bits: the row to look up) and a secret (43 base64url characters,
 * 256 random bits). Only the secret's SHA-256 is stored: for a key of 256 random bits a slow
 * password hash adds nothing, a guess is as hopeless as a preimage.
 */
export const API_KEY_PREFIX = 'nxk_';
export const API_KEY_ID_BYTES = 8;
export const API_KEY_SECRET_BYTES = 32;
export const API_KEY_PATTERN = /^nxk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyParts {
  id: string;
  secret: string;
}

/** The key text of random bytes (the caller draws them: the domain has no randomness). */
export function formatApiKey(idBytes: Uint8Array, secretBytes: Uint8Array): string {
  if (idBytes.length !== API_KEY_ID_BYTES || secretBytes.length !== API_KEY_SECRET_BYTES) {
    throw new RangeError(
      `an API key takes ${API_KEY_ID_BYTES} id bytes and ${API_KEY_SECRET_BYTES} secret bytes`,
    );
  }
  const id = Buffer.from(idBytes).toString('hex');
  const secret = Buffer.from(secretBytes).toString('base64url');
  return `${API_KEY_PREFIX}${id}_${secret}`;
}

/** The id and secret of a well-formed key, or undefined. */
export function parseApiKey(text: string): ApiKeyParts | undefined {
  const match = API_KEY_PATTERN.exec(text);
  return match ? { id: match[1], secret: match[2] } : undefined;
}

/** What is stored of a secret: its SHA-256, hex. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashApiKeySecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
