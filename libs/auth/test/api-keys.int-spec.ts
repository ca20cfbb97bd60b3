import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';

import type { Clock } from '@nexwave/core';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';

import { AccessTokens } from '../src/application/access-tokens';
import { ApiKeys } from '../src/application/api-keys.service';
import { formatApiKey } from '../src/domain/api-key';
import { AuthError } from '../src/domain/auth.errors';
import { ApiKeyEntity } from '../src/infrastructure/persistence/api-key.entity';
import { AUTH_ENTITIES } from '../src/infrastructure/persistence/auth.entities';
import { TypeOrmApiKeyStore } from '../src/infrastructure/persistence/typeorm-api-key.store';

describe('API key store (embedded TimescaleDB)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let now: Date;
  let keys: ApiKeys;
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    database = await startTestDatabase();
  });

  afterAll(async () => {
    await database.stop();
  });

  beforeEach(async () => {
    dataSource = await database.freshDataSource({ entities: AUTH_ENTITIES });
    now = new Date('2026-01-01T00:00:00Z');
    keys = new ApiKeys(new TypeOrmApiKeyStore(dataSource.getRepository(ApiKeyEntity)), clock);
  });

  it('matches the migrated api_keys table: synchronizing would change nothing', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((query) => query.query)).toEqual([]);
  });

  it('stores a hash of the secret, never the key, and verifies the key', async () => {
    const { key, stored } = await keys.issue('bot', 'trade');
    expect(stored).toMatchObject({ name: 'bot', role: 'trade', lastUsedAt: null, revokedAt: null });
    const rows: { hash: string }[] = await dataSource.query('SELECT * FROM api_keys');
    expect(JSON.stringify(rows)).not.toContain(key.slice(-43));
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await keys.verify(key)).toMatchObject({ id: stored.id, role: 'trade' });
  });

  it('refuses a wrong secret, an unknown id, a malformed key and a revoked key', async () => {
    const { key, stored } = await keys.issue('bot', 'read');
    const wrongSecret = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    const unknown = formatApiKey(new Uint8Array(8), new Uint8Array(32));
    expect(await keys.verify(wrongSecret)).toBeUndefined();
    expect(await keys.verify(unknown)).toBeUndefined();
    expect(await keys.verify('nxk_nonsense')).toBeUndefined();
    const revoked = await keys.revoke(stored.id);
    expect(revoked.revokedAt).toEqual(now);
    expect(await keys.verify(key)).toBeUndefined();
  });

  it('keeps the first revocation time, and names an unknown id', async () => {
    const { stored } = await keys.issue('bot', 'read');
    const first = now;
    await keys.revoke(stored.id);
    now = new Date('2026-01-02T00:00:00Z');
    expect((await keys.revoke(stored.id)).revokedAt).toEqual(first);
    await expect(keys.revoke('0000000000000000')).rejects.toMatchObject({
      constructor: AuthError,
      code: 'API_KEY_NOT_FOUND',
    });
  });

  it('records the last use at most once a minute', async () => {
    const { key, stored } = await keys.issue('bot', 'read');
    const first = now;
    await keys.verify(key);
    now = new Date(first.getTime() + 30_000);
    await keys.verify(key);
    expect((await keys.list())[0].lastUsedAt).toEqual(first);
    now = new Date(first.getTime() + 61_000);
    await keys.verify(key);
    expect((await keys.list()).find((k) => k.id === stored.id)!.lastUsedAt).toEqual(now);
  });

  it('lists keys newest first', async () => {
    const older = await keys.issue('old', 'read');
    await dataSource.query(`UPDATE api_keys SET created_at = now() - interval '1 hour'`);
    const newer = await keys.issue('new', 'admin');
    expect((await keys.list()).map((k) => k.id)).toEqual([newer.stored.id, older.stored.id]);
  });

  it('seeds ADMIN_API_KEY idempotently and refuses its id with another secret', async () => {
    const seed = formatApiKey(new Uint8Array(8).fill(1), new Uint8Array(32).fill(2));
    await keys.seedAdmin(seed);
    await keys.seedAdmin(seed);
    expect(await keys.list()).toEqual([
      expect.objectContaining({ role: 'admin', name: 'ADMIN_API_KEY' }),
    ]);
    expect(await keys.verify(seed)).toBeDefined();
    const sameIdOtherSecret = formatApiKey(new Uint8Array(8).fill(1), new Uint8Array(32).fill(3));
    await expect(keys.seedAdmin(sameIdOtherSecret)).rejects.toMatchObject({
      code: 'ADMIN_API_KEY_CONFLICT',
    });
  });

  it('creates a first admin key only when no admin key was ever created', async () => {
    await keys.issue('reader', 'read');
    const first = await keys.createFirstAdmin();
    expect(first?.stored.role).toBe('admin');
    expect(await keys.createFirstAdmin()).toBeUndefined();
    await keys.revoke(first!.stored.id);
    expect(await keys.createFirstAdmin()).toBeUndefined();
  });

  describe('JWTs', () => {
    const jwt = new JwtService({ secret: 'x'.repeat(32) });

    it('issues a token for a key that authenticates as the key, until the key is revoked', async () => {
      const tokens = new AccessTokens(keys, jwt, 900);
      const { key, stored } = await keys.issue('bot', 'trade');
      const token = await tokens.issue(key);
      expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, role: 'trade' });
      expect(await tokens.authenticate(token!.accessToken)).toEqual({
        keyId: stored.id,
        role: 'trade',
        via: 'jwt',
      });
      expect(await tokens.authenticate(key)).toEqual({
        keyId: stored.id,
        role: 'trade',
        via: 'api-key',
      });
      await keys.revoke(stored.id);
      expect(await tokens.authenticate(token!.accessToken)).toBeUndefined();
      expect(await tokens.issue(key)).toBeUndefined();
    });

    it('refuses a token signed with another secret or with a changed payload', async () => {
      const tokens = new AccessTokens(keys, jwt, 900);
      const { key, stored } = await keys.issue('bot', 'read');
      const forged = await new JwtService({ secret: 'y'.repeat(32) }).signAsync(
        { sub: stored.id, role: 'admin' },
        { issuer: 'nexwave' },
      );
      expect(await tokens.authenticate(forged)).toBeUndefined();
      const [header, , signature] = (await tokens.issue(key))!.accessToken.split('.');
      const payload = Buffer.from(
        JSON.stringify({ sub: stored.id, role: 'admin', iss: 'nexwave' }),
      ).toString('base64url');
      expect(await tokens.authenticate(`${header}.${payload}.${signature}`)).toBeUndefined();
      expect(await tokens.authenticate('not-a-token')).toBeUndefined();
    });
  });
});
