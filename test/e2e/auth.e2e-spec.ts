import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';

import { RequireRole } from '@nexwave/auth';
import { loadConfig, type ConfigOf } from '@nexwave/config';
import type { EmbeddedTimescale } from '@nexwave/database';
import { startMigratedDatabase } from '@nexwave/database/testing';
import { createApp } from '@nexwave/platform';

import { ApiGatewayAppModule } from '../../apps/api-gateway/src/api-gateway-app.module';

// Stand-ins for the trade-role routes of the orders context (not written yet).
@Controller('api/v1/test-trade')
@RequireRole('trade')
class TradeController {
  @Get()
  trade(): { ok: true } {
    return { ok: true };
  }
}

@Resolver()
class TradeResolver {
  @Query(() => String)
  @RequireRole('trade')
  tradeProbe(): string {
    return 'traded';
  }
}

@Module({})
class AuthTestModule {
  static forRoot(config: ConfigOf<'api-gateway'>): DynamicModule {
    return {
      module: AuthTestModule,
      imports: [ApiGatewayAppModule.forRoot(config)],
      controllers: [TradeController],
      providers: [TradeResolver],
    };
  }
}

const JWT_SECRET = 'e2e-jwt-secret-of-at-least-32-characters';
const ADMIN_API_KEY = `nxk_0123456789abcdef_${'A'.repeat(43)}`;
const WHALES = '{ whaleActivities { symbol } }';

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

// The api-gateway with the auth module, over real HTTP on one embedded TimescaleDB.
describe('authentication (api-gateway, REST and GraphQL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-auth-'));
  let database: EmbeddedTimescale;
  let app: INestApplication | undefined;
  let server: Server;

  async function boot(env: Record<string, string> = {}): Promise<Server> {
    await app?.close();
    const config = loadConfig('api-gateway', {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '1',
      LOG_LEVEL: 'silent',
      JWT_SECRET,
      ADMIN_API_KEY,
      ...env,
    });
    app = await createApp(
      { name: 'api-gateway', title: 'api-gateway', module: AuthTestModule.forRoot },
      config,
    );
    await app.init();
    return app.getHttpServer() as Server;
  }

  function bearer(credential: string | undefined): Record<string, string> {
    return credential === undefined ? {} : { authorization: `Bearer ${credential}` };
  }

  async function createKey(role: string): Promise<{ id: string; key: string }> {
    const response = await request(server)
      .post('/api/v1/admin/api-keys')
      .set(bearer(ADMIN_API_KEY))
      .send({ name: `${role} key`, role })
      .expect(201);
    return response.body as { id: string; key: string };
  }

  async function graphql(query: string, credential?: string) {
    const response = await request(server).post('/graphql').set(bearer(credential)).send({ query });
    return {
      status: response.status,
      body: response.body as GraphqlBody,
      headers: response.headers,
    };
  }

  beforeAll(async () => {
    database = await startMigratedDatabase(dataDir);
    server = await boot();
  });

  afterAll(async () => {
    await app?.close();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('the matrix on a trade route', () => {
    const credentials: Record<string, string> = {};

    beforeAll(async () => {
      credentials['read key'] = (await createKey('read')).key;
      credentials['trade key'] = (await createKey('trade')).key;
      credentials['admin key'] = ADMIN_API_KEY;
      const revoked = await createKey('trade');
      await request(server)
        .delete(`/api/v1/admin/api-keys/${revoked.id}`)
        .set(bearer(ADMIN_API_KEY))
        .expect(200);
      credentials['revoked key'] = revoked.key;
      const token = await request(server)
        .post('/api/v1/auth/token')
        .send({ apiKey: credentials['trade key'] })
        .expect(200);
      credentials['JWT of a trade key'] = (token.body as { accessToken: string }).accessToken;
      const { id } = (await createKey('trade')) as { id: string };
      credentials['expired JWT'] = await new JwtService({ secret: JWT_SECRET }).signAsync(
        { sub: id, role: 'trade', exp: Math.floor(Date.now() / 1000) - 10 },
        { issuer: 'nexwave' },
      );
      const [header, payload, signature] = credentials['JWT of a trade key'].split('.');
      const flipped = signature.startsWith('A')
        ? `B${signature.slice(1)}`
        : `A${signature.slice(1)}`;
      credentials['tampered JWT'] = `${header}.${payload}.${flipped}`;
      const readToken = await request(server)
        .post('/api/v1/auth/token')
        .send({ apiKey: credentials['read key'] })
        .expect(200);
      const [readHeader, , readSignature] = (
        readToken.body as { accessToken: string }
      ).accessToken.split('.');
      const elevated = Buffer.from(JSON.stringify({ ...decode(payload), role: 'admin' })).toString(
        'base64url',
      );
      credentials['JWT with a raised role'] = `${readHeader}.${elevated}.${readSignature}`;
    });

    const matrix: [string | undefined, number][] = [
      [undefined, 401],
      ['read key', 403],
      ['trade key', 200],
      ['admin key', 200],
      ['revoked key', 401],
      ['JWT of a trade key', 200],
      ['expired JWT', 401],
      ['tampered JWT', 401],
      ['JWT with a raised role', 401],
    ];

    it.each(matrix)('REST with %s: %d', async (name, status) => {
      const response = await request(server)
        .get('/api/v1/test-trade')
        .set(bearer(name === undefined ? undefined : credentials[name]));
      expect({
        status: response.status,
        body: response.body as unknown,
        challenge: response.headers['www-authenticate'],
      }).toEqual({
        status,
        body: restBody(status),
        challenge: challenge(status),
      });
    });

    // GraphQL answers 200 with the error's code (as @nestjs/apollo does for every execution error).
    it.each(matrix)('GraphQL with %s: %d', async (name, status) => {
      const response = await graphql(
        '{ tradeProbe }',
        name === undefined ? undefined : credentials[name],
      );
      expect({
        status: response.status,
        body: response.body,
        challenge: response.headers['www-authenticate'],
      }).toEqual({
        status: 200,
        body: graphqlBody(status),
        challenge: challenge(status),
      });
    });

    it('answers an unknown API key with 401 at the token endpoint', async () => {
      const response = await request(server)
        .post('/api/v1/auth/token')
        .send({ apiKey: credentials['revoked key'] })
        .expect(401);
      expect(response.body).toMatchObject({ code: 'UNAUTHORIZED' });
    });
  });

  describe('key management (role admin)', () => {
    it('lists keys without secrets or hashes, and answers 404 for an unknown id', async () => {
      const { key, id } = await createKey('read');
      const list = await request(server)
        .get('/api/v1/admin/api-keys')
        .set(bearer(ADMIN_API_KEY))
        .expect(200);
      const text = JSON.stringify(list.body);
      // A key's secret is its last 43 characters (base64url, so it may itself contain '_').
      expect(text).not.toContain(key.slice(-43));
      expect(text).not.toContain(ADMIN_API_KEY.slice(-43));
      expect(text).not.toContain('hash');
      expect((list.body as { apiKeys: { id: string }[] }).apiKeys).toEqual(
        expect.arrayContaining([expect.objectContaining({ id, role: 'read', revokedAt: null })]),
      );
      const missing = await request(server)
        .delete('/api/v1/admin/api-keys/ffffffffffffffff')
        .set(bearer(ADMIN_API_KEY))
        .expect(404);
      expect(missing.body).toMatchObject({ code: 'API_KEY_NOT_FOUND' });
    });

    it('refuses a trade key (403) and a bad role (400)', async () => {
      const { key } = await createKey('trade');
      await request(server).get('/api/v1/admin/api-keys').set(bearer(key)).expect(403);
      const bad = await request(server)
        .post('/api/v1/admin/api-keys')
        .set(bearer(ADMIN_API_KEY))
        .send({ name: 'x', role: 'root' })
        .expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('keeps /health open and shows bearer auth in the OpenAPI document', async () => {
      await request(server).get('/health').expect(200);
      const document = (await request(server).get('/docs-json').expect(200)).body as {
        components: { securitySchemes: Record<string, unknown> };
        paths: Record<string, Record<string, { security?: unknown }>>;
      };
      expect(document.components.securitySchemes['bearer']).toMatchObject({
        type: 'http',
        scheme: 'bearer',
      });
      expect(Object.keys(document.components.securitySchemes)).toEqual(['bearer']);
      expect(document.paths['/api/v1/admin/api-keys']?.['get']?.security).toEqual([{ bearer: [] }]);
    });
  });

  describe('market data', () => {
    afterAll(async () => {
      server = await boot();
    });

    it('is open when API_AUTH_REQUIRED is unset, even with a bad credential', async () => {
      server = await boot();
      await request(server).get('/api/v1/symbols').expect(200);
      await request(server).get('/api/v1/whales').set(bearer('nonsense')).expect(200);
      expect((await graphql(WHALES)).body).toEqual({ data: { whaleActivities: [] } });
    });

    it('needs at least read when API_AUTH_REQUIRED=true', async () => {
      server = await boot({ API_AUTH_REQUIRED: 'true' });
      const { key: read } = await createKey('read');
      const refused = await request(server).get('/api/v1/symbols').expect(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer realm="nexwave"');
      await request(server).get('/api/v1/symbols').set(bearer(read)).expect(200);
      await request(server).get('/api/v1/whales').set(bearer(read)).expect(200);
      const refusedGraphql = await graphql(WHALES);
      expect(refusedGraphql.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect((await graphql(WHALES, read)).body).toEqual({ data: { whaleActivities: [] } });
      await request(server).get('/health').expect(200);
      await request(server).post('/api/v1/auth/token').send({ apiKey: read }).expect(200);
    });
  });
});

/** What the trade route answers a credential that gets `status`. */
function restBody(status: number): unknown {
  if (status === 200) {
    return { ok: true };
  }
  return {
    statusCode: status,
    error: status === 401 ? 'Unauthorized' : 'Forbidden',
    code: status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN',
    message: expect.any(String) as unknown,
  };
}

function graphqlBody(status: number): unknown {
  if (status === 200) {
    return { data: { tradeProbe: 'traded' } };
  }
  const code = status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  return {
    data: null,
    errors: [expect.objectContaining({ path: ['tradeProbe'], extensions: { code } }) as unknown],
  };
}

function challenge(status: number): unknown {
  return status === 401 ? (expect.stringMatching(/^Bearer realm="nexwave"/) as unknown) : undefined;
}

function decode(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
}
