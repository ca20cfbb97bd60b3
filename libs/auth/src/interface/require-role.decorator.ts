import { SetMetadata } from '@nestjs/common';

import type { Role } from '../domain/role';

export const REQUIRED_ROLE = 'nexwave:required-role';
export const PUBLIC_ROUTE = 'nexwave:public-route';

/**
 * The route or resolver (method or class) needs a bearer credential of at least this role.
 * Undecorated routes are market data: open, or `read` when API_AUTH_REQUIRED=true.
 */
export const RequireRole = (role: Role): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLE, role);

/** Open whatever API_AUTH_REQUIRED says: /health, the token endpoint. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
