import { createServer } from 'node:http';
import type { HttpAdapterHost } from '@nestjs/core';

import { ownHttpServerUrl } from './own-http-server-url';

describe('ownHttpServerUrl', () => {
  const server = createServer();
  const host = { httpAdapter: { getHttpServer: () => server } } as unknown as HttpAdapterHost;

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is undefined until the server listens, then its loopback address', async () => {
    expect(ownHttpServerUrl(host)).toBeUndefined();
    expect(ownHttpServerUrl({} as HttpAdapterHost)).toBeUndefined();

    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    const { port } = server.address() as { port: number };

    expect(ownHttpServerUrl(host)).toBe(`http://127.0.0.1:${port}`);
  });
});
