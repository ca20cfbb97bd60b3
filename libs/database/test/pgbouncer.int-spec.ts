import { createServer, Server } from 'node:net';
import { Client } from 'pg';

import { PgBouncerError, startPgBouncer } from '../src';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

// PgBouncer alone (its server is connected to lazily, so none is needed here).
describe('startPgBouncer', () => {
  const server = { port: 1, user: 'app', database: 'postgres' };
  let stopLater: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await stopLater?.();
  });

  it("fails its start with PgBouncer's own reason when the port is taken", async () => {
    const taken = createServer();
    const port = await listen(taken);
    try {
      const started = startPgBouncer({ port, server });
      await expect(started).rejects.toThrow(PgBouncerError);
      await expect(started).rejects.toThrow(/PgBouncer exited .*Address already in use/s);
    } finally {
      taken.close();
    }
  });

  it('asks clients for the password of its URL, and is gone after stop()', async () => {
    const pooler = await startPgBouncer({ port: 0, server });
    stopLater = pooler.stop;
    const wrong = new URL(pooler.url);
    wrong.password = 'wrong';
    const intruder = new Client({ connectionString: wrong.href });
    await expect(intruder.connect()).rejects.toThrow(/SASL authentication failed/);

    await pooler.stop();
    const late = new Client({ connectionString: pooler.url });
    await expect(late.connect()).rejects.toThrow(/ECONNREFUSED/);
  });
});
