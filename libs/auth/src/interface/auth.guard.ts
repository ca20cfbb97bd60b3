import { HeaderMap } from '@apollo/server';
import {
  ForbiddenException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

import type { AccessTokens } from '../application/access-tokens';
import type { Principal } from '../domain/principal';
import { roleAllows, type Role } from '../domain/role';
import { PUBLIC_ROUTE, REQUIRED_ROLE } from './require-role.decorator';

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

interface HeaderResponse {
  setHeader(name: string, value: string): void;
}

const CHALLENGE = 'Bearer realm="nexwave"';
const INVALID_CHALLENGE = `${CHALLENGE}, error="invalid_token"`;

/**
 * The global guard of REST routes and GraphQL resolvers: the role a handler requires
 * (@RequireRole), none (@Public), or for an undecorated one `read` when API_AUTH_REQUIRED=true.
 * 401 with WWW-Authenticate without a valid credential, 403 with a valid one of too low a role.
 * Message handlers are not its business.
 */
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly authRequired: boolean,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const type = context.getType<GqlContextType>();
    if (type !== 'http' && type !== 'graphql') {
      return true;
    }
    const required = this.requiredRole(context);
    if (required === undefined) {
      return true;
    }
    const req = requestOf(context, type);
    const credential = bearerOf(req);
    const principal =
      credential === undefined ? undefined : await this.tokens.authenticate(credential);
    if (!principal) {
      throw unauthenticated(context, type, credential === undefined);
    }
    if (!roleAllows(principal.role, required)) {
      const message = `role ${required} is required (this credential is ${principal.role})`;
      throw type === 'http'
        ? new ForbiddenException(message)
        : new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
    }
    req.principal = principal;
    return true;
  }

  private requiredRole(context: ExecutionContext): Role | undefined {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return undefined;
    }
    const role = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets);
    return role ?? (this.authRequired ? 'read' : undefined);
  }
}

function requestOf(context: ExecutionContext, type: 'http' | 'graphql'): AuthRequest {
  return type === 'http'
    ? context.switchToHttp().getRequest<AuthRequest>()
    : GqlExecutionContext.create(context).getContext<{ req: AuthRequest }>().req;
}

function bearerOf(req: AuthRequest): string | undefined {
  const header = req.headers['authorization'];
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * REST: a 401 shaped by the error filter. GraphQL: Apollo's UNAUTHENTICATED in a 200 answer, as
 * @nestjs/apollo answers every execution error (GraphQL clients refuse a non-2xx body). Both
 * carry the WWW-Authenticate challenge.
 */
function unauthenticated(
  context: ExecutionContext,
  type: 'http' | 'graphql',
  missing: boolean,
): Error {
  const challenge = missing ? CHALLENGE : INVALID_CHALLENGE;
  const message = missing
    ? 'a bearer credential is required'
    : 'the bearer credential is invalid, expired or revoked';
  if (type === 'http') {
    context.switchToHttp().getResponse<HeaderResponse>().setHeader('WWW-Authenticate', challenge);
    return new UnauthorizedException(message);
  }
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { headers: new HeaderMap([['www-authenticate', challenge]]) },
    },
  });
}
