import {
  ForbiddenException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

import { AccessTokens } from '../application/access-tokens';
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
    const { req, res } = httpOf(context, type);
    const credential = bearerOf(req);
    const principal =
      credential === undefined ? undefined : await this.tokens.authenticate(credential);
    if (!principal) {
      const challenge = credential === undefined ? CHALLENGE : INVALID_CHALLENGE;
      res?.setHeader('WWW-Authenticate', challenge);
      throw denied(
        type,
        401,
        credential === undefined
          ? 'a bearer credential is required'
          : 'the bearer credential is invalid or expired',
      );
    }
    if (!roleAllows(principal.role, required)) {
      throw denied(
        type,
        403,
        `role ${required} is required (this credential is ${principal.role})`,
      );
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

function httpOf(
  context: ExecutionContext,
  type: 'http' | 'graphql',
): { req: AuthRequest; res?: HeaderResponse } {
  if (type === 'http') {
    const http = context.switchToHttp();
    return { req: http.getRequest<AuthRequest>(), res: http.getResponse<HeaderResponse>() };
  }
  return GqlExecutionContext.create(context).getContext<{
    req: AuthRequest;
    res?: HeaderResponse;
  }>();
}

function bearerOf(req: AuthRequest): string | undefined {
  const header = req.headers['authorization'];
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** REST: Nest's exceptions, shaped by the error filter. GraphQL: Apollo's codes and HTTP status. */
function denied(type: 'http' | 'graphql', status: 401 | 403, message: string): Error {
  if (type === 'http') {
    return status === 401 ? new UnauthorizedException(message) : new ForbiddenException(message);
  }
  return new GraphQLError(message, {
    extensions: { code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', http: { status } },
  });
}
