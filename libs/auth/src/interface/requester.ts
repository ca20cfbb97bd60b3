import type { Principal } from '../domain/principal';

/** What the auth guard leaves on a request it let through: the caller's API key. */
export interface AuthenticatedRequest {
  principal?: Principal;
}

/** Who is asking, as stored with a halt, pause or resume and in an order's metadata: the API key's id. */
export function requesterOf(request: AuthenticatedRequest): string {
  const keyId = request.principal?.keyId;
  if (keyId === undefined) {
    throw new Error('no principal on a route that requires a role: is the auth guard installed?');
  }
  return `api-key:${keyId}`;
}
