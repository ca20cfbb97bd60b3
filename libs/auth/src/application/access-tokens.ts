import type { JwtService } from '@nestjs/jwt';

import { API_KEY_PREFIX } from '../domain/api-key';
import type { Principal } from '../domain/principal';
import { isRole, type Role } from '../domain/role';
import type { ApiKeys } from './api-keys.service';

export interface AccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  role: Role;
}

interface TokenClaims {
  sub: string;
  role: Role;
}

const ISSUER = 'nexwave';

/**
 * Bearer credentials: an API key, or a JWT (HS256, JWT_TTL_SECONDS) issued for one. A JWT is
 * honoured only while its key is not revoked, so revoking a key ends its tokens at once.
 */
export class AccessTokens {
  constructor(
    private readonly keys: ApiKeys,
    private readonly jwt: JwtService,
    private readonly ttlSeconds: number,
  ) {}

  /** A JWT for a valid API key, undefined for any other text. */
  async issue(apiKey: string): Promise<AccessToken | undefined> {
    const key = await this.keys.verify(apiKey);
    if (!key) {
      return undefined;
    }
    const claims: TokenClaims = { sub: key.id, role: key.role };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.ttlSeconds,
      issuer: ISSUER,
      algorithm: 'HS256',
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.ttlSeconds, role: key.role };
  }

  /** Who a bearer credential is; undefined when it is not a valid key or token. */
  async authenticate(credential: string): Promise<Principal | undefined> {
    if (credential.startsWith(API_KEY_PREFIX)) {
      const key = await this.keys.verify(credential);
      return key && { keyId: key.id, role: key.role, via: 'api-key' };
    }
    const claims = await this.verifiedClaims(credential);
    const key = claims && (await this.keys.active(claims.sub));
    return key && { keyId: key.id, role: key.role, via: 'jwt' };
  }

  private async verifiedClaims(token: string): Promise<TokenClaims | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<TokenClaims>>(token, {
        issuer: ISSUER,
        algorithms: ['HS256'],
      });
      return typeof claims.sub === 'string' && isRole(claims.role)
        ? { sub: claims.sub, role: claims.role }
        : undefined;
    } catch {
      // Expired, tampered, malformed: all the same 401 to the caller.
      return undefined;
    }
  }
}
