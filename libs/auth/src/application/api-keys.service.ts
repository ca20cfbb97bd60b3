import { randomBytes } from 'node:crypto';

import type { Clock } from '@nexwave/core';

import {
  API_KEY_ID_BYTES,
  API_KEY_SECRET_BYTES,
  formatApiKey,
  hashApiKeySecret,
  parseApiKey,
  secretMatches,
} from '../domain/api-key';
import { AuthError } from '../domain/auth.errors';
import type { Role } from '../domain/role';
import type { ApiKeyStore, StoredApiKey } from './api-key.store';

export interface IssuedApiKey {
  /** The whole key: shown once, never stored. */
  key: string;
  stored: StoredApiKey;
}

/** Issuing, verifying and revoking API keys over the store. */
export class ApiKeys {
  constructor(
    private readonly store: ApiKeyStore,
    private readonly clock: Clock,
  ) {}

  async issue(name: string, role: Role): Promise<IssuedApiKey> {
    const key = formatApiKey(randomBytes(API_KEY_ID_BYTES), randomBytes(API_KEY_SECRET_BYTES));
    const { id, secret } = parseApiKey(key)!;
    await this.store.insert({ id, name, role, hash: hashApiKeySecret(secret) });
    return { key, stored: (await this.store.find(id))! };
  }

  /** The stored key a presented key text is, when it is well formed, known, right and not revoked. */
  async verify(text: string): Promise<StoredApiKey | undefined> {
    const parts = parseApiKey(text);
    const stored = parts && (await this.store.find(parts.id));
    if (
      !parts ||
      !stored ||
      stored.revokedAt !== null ||
      !secretMatches(parts.secret, stored.hash)
    ) {
      return undefined;
    }
    await this.store.touch(stored.id, this.clock.now());
    return stored;
  }

  /** The key of that id when it exists and is not revoked (what a JWT is checked against). */
  async active(id: string): Promise<StoredApiKey | undefined> {
    const stored = await this.store.find(id);
    return stored?.revokedAt === null ? stored : undefined;
  }

  list(): Promise<StoredApiKey[]> {
    return this.store.list();
  }

  async revoke(id: string): Promise<StoredApiKey> {
    const revoked = await this.store.revoke(id, this.clock.now());
    if (!revoked) {
      throw new AuthError('API_KEY_NOT_FOUND', `no API key ${id}`, { id });
    }
    return revoked;
  }

  /**
   * Stores ADMIN_API_KEY as an admin key unless it already is one (idempotent across restarts).
   * A key of that id with another secret or role is refused: the variable would not mean what
   * it says. A revoked seed stays revoked.
   */
  async seedAdmin(key: string): Promise<void> {
    const { id, secret } = parseApiKey(key)!;
    await this.store.insert({
      id,
      name: 'ADMIN_API_KEY',
      role: 'admin',
      hash: hashApiKeySecret(secret),
    });
    const stored = (await this.store.find(id))!;
    if (stored.role !== 'admin' || !secretMatches(secret, stored.hash)) {
      throw new AuthError(
        'ADMIN_API_KEY_CONFLICT',
        `ADMIN_API_KEY's id ${id} is stored with another secret or role`,
        { id },
      );
    }
  }

  /** A first admin key when none was ever created; undefined when one exists. */
  async createFirstAdmin(): Promise<IssuedApiKey | undefined> {
    return (await this.store.anyAdminKey()) ? undefined : this.issue('first admin', 'admin');
  }
}
