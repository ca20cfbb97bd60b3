import type { Role } from './role';

/** Who a request is: the API key it came with (directly or through a JWT) and that key's role. */
export interface Principal {
  keyId: string;
  role: Role;
  via: 'api-key' | 'jwt';
}
