import { randomBytes } from 'node:crypto';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { getRepositoryToken, TypeOrmModule } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { systemClock } from '@nexwave/core';

import { AccessTokens } from './application/access-tokens';
import { AdminKeySeeder, type AdminKeySeederOptions } from './application/admin-key.seeder';
import { ApiKeyStore } from './application/api-key.store';
import { ApiKeys } from './application/api-keys.service';
import { ApiKeyEntity } from './infrastructure/persistence/api-key.entity';
import { AUTH_ENTITIES } from './infrastructure/persistence/auth.entities';
import { TypeOrmApiKeyStore } from './infrastructure/persistence/typeorm-api-key.store';
import { AuthGuard } from './interface/auth.guard';
import { ApiKeysController } from './interface/http/api-keys.controller';
import { AuthTokenController } from './interface/http/auth-token.controller';

export interface AuthModuleOptions extends AdminKeySeederOptions {
  /** API_AUTH_REQUIRED: undecorated (market data) routes need `read`. */
  required: boolean;
  /** JWT_SECRET; unset: random per process. */
  jwtSecret?: string;
  jwtTtlSeconds: number;
  /** Where the first admin key's notice goes (stdout). */
  print?: (text: string) => void;
}

/**
 * Bearer authentication of REST and GraphQL: API keys and JWTs issued for them, a global guard
 * honouring @RequireRole/@Public, the token and key-management endpoints, the admin key seed.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const print = options.print ?? ((text: string) => void process.stdout.write(text));
    return {
      module: AuthModule,
      imports: [TypeOrmModule.forFeature(AUTH_ENTITIES)],
      controllers: [AuthTokenController, ApiKeysController],
      providers: [
        {
          provide: ApiKeyStore,
          useFactory: (repository: Repository<ApiKeyEntity>) => new TypeOrmApiKeyStore(repository),
          inject: [getRepositoryToken(ApiKeyEntity)],
        },
        {
          provide: ApiKeys,
          useFactory: (store: ApiKeyStore) => new ApiKeys(store, systemClock),
          inject: [ApiKeyStore],
        },
        {
          provide: AccessTokens,
          useFactory: (keys: ApiKeys) =>
            new AccessTokens(
              keys,
              new JwtService({ secret: jwtSecret(options.jwtSecret) }),
              options.jwtTtlSeconds,
            ),
          inject: [ApiKeys],
        },
        {
          provide: APP_GUARD,
          useFactory: (reflector: Reflector, tokens: AccessTokens) =>
            new AuthGuard(reflector, tokens, options.required),
          inject: [Reflector, AccessTokens],
        },
        {
          provide: AdminKeySeeder,
          useFactory: (keys: ApiKeys) => new AdminKeySeeder(keys, options, print),
          inject: [ApiKeys],
        },
      ],
      exports: [ApiKeys, AccessTokens],
    };
  }
}

function jwtSecret(configured: string | undefined): string {
  if (configured !== undefined) {
    return configured;
  }
  new Logger('Auth').warn(
    'JWT_SECRET is not set: JWTs are signed with a random per-process secret and do not survive a restart',
  );
  return randomBytes(32).toString('base64url');
}
