/** $1 id, $2 name, $3 role, $4 hash. Returns the id when inserted, nothing when the id exists. */
export const INSERT_API_KEY = `
  INSERT INTO api_keys (id, name, role, hash) VALUES ($1, $2, $3, $4)
  ON CONFLICT (id) DO NOTHING
  RETURNING id`;

/** $1 id, $2 time. Keeps the first revocation time. */
export const REVOKE_API_KEY = `
  UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1`;

/** $1 id, $2 time. At most one write a minute per key. */
export const TOUCH_API_KEY = `
  UPDATE api_keys SET last_used_at = $2
  WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`;
