export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export type ApiKeyRole = 'read' | 'trade' | 'admin';

/** One JSON request to the app at `base`, with a bearer credential when given. */
export async function callApi<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  credential?: string,
  body?: unknown,
): Promise<Answer<T>> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(credential === undefined ? {} : { authorization: `Bearer ${credential}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** A new API key of `role`, issued by the admin API to the holder of `adminKey`. */
export async function createApiKey(
  base: string,
  adminKey: string,
  role: ApiKeyRole,
  name: string,
): Promise<{ id: string; key: string }> {
  const { status, body } = await callApi<{ id: string; key: string }>(
    base,
    'POST',
    '/api/v1/admin/api-keys',
    adminKey,
    { name, role },
  );
  if (status !== 201) {
    throw new Error(`POST /api/v1/admin/api-keys answered ${status}: ${JSON.stringify(body)}`);
  }
  return body;
}
