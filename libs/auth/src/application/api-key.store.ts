import type { Role } from '../domain/role';

/** What is stored of an API key: never the key, only its secret's hash. */
export interface StoredApiKey {
  id: string;
  name: string;
  role: Role;
  hash: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export type NewApiKey = Pick<StoredApiKey, 'id' | 'name' | 'role' | 'hash'>;

/** The api_keys table (port; TypeOrmApiKeyStore is the adapter). */
export abstract class ApiKeyStore {
  /** Inserts the key unless its id exists; true when inserted. */
  abstract insert(key: NewApiKey): Promise<boolean>;
  abstract find(id: string): Promise<StoredApiKey | undefined>;
  /** Every key, newest first. */
  abstract list(): Promise<StoredApiKey[]>;
  /** Sets revoked_at (once); the key as stored afterwards, undefined when there is none. */
  abstract revoke(id: string, at: Date): Promise<StoredApiKey | undefined>;
  /** Records a use; at most once a minute per key, so reads do not become writes. */
  abstract touch(id: string, at: Date): Promise<void>;
  /** Whether any admin key was ever created, revoked or not. */
  abstract anyAdminKey(): Promise<boolean>;
}
