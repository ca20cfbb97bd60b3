export { AuthModule } from './auth.module';
export type { AuthModuleOptions } from './auth.module';
export { API_KEY_PATTERN, formatApiKey } from './domain/api-key';
export type { Principal } from './domain/principal';
export { ROLES, roleAllows } from './domain/role';
export type { Role } from './domain/role';
export { Public, RequireRole } from './interface/require-role.decorator';
export { requesterOf } from './interface/requester';
export type { AuthenticatedRequest } from './interface/requester';
