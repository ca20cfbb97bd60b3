import type { Repository } from 'typeorm';

import { ApiKeyStore, type NewApiKey, type StoredApiKey } from '../../application/api-key.store';
import type { ApiKeyEntity } from './api-key.entity';
import { INSERT_API_KEY, REVOKE_API_KEY, TOUCH_API_KEY } from './auth.sql';

export class TypeOrmApiKeyStore extends ApiKeyStore {
  constructor(private readonly keys: Repository<ApiKeyEntity>) {
    super();
  }

  async insert(key: NewApiKey): Promise<boolean> {
    const rows: unknown[] = await this.keys.query(INSERT_API_KEY, [
      key.id,
      key.name,
      key.role,
      key.hash,
    ]);
    return rows.length === 1;
  }

  async find(id: string): Promise<StoredApiKey | undefined> {
    return (await this.keys.findOneBy({ id })) ?? undefined;
  }

  list(): Promise<StoredApiKey[]> {
    return this.keys.find({ order: { createdAt: 'DESC', id: 'ASC' } });
  }

  async revoke(id: string, at: Date): Promise<StoredApiKey | undefined> {
    await this.keys.query(REVOKE_API_KEY, [id, at]);
    return this.find(id);
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.keys.query(TOUCH_API_KEY, [id, at]);
  }

  anyAdminKey(): Promise<boolean> {
    return this.keys.existsBy({ role: 'admin' });
  }
}
