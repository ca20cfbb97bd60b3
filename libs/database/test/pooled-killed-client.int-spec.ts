import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

import { PooledEmbeddedTimescale, startPooledEmbeddedTimescale } from '../src';
import { copyTemplateDataDir, ERRORS_ONLY } from '../src/testing';

/** A frontend message: type byte, int32 length (itself included), body. */
function message(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const cstring = (text: string) => Buffer.from(`${text}\0`, 'utf8');
const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

/** Parse, Bind, Execute of an unnamed statement: an extended query without its Sync. */
function extendedWithoutSync(sql: string): Buffer {
  return Buffer.concat([
    message('P', Buffer.concat([cstring(''), cstring(sql), int16(0)])),
    message('B', Buffer.concat([cstring(''), cstring(''), int16(0), int16(0), int16(0)])),
    message('E', Buffer.concat([cstring(''), int32(0)])),
  ]);
}

/** The socket under a connected pg Client, to write raw protocol and to cut like a kill -9. */
function socketOf(client: Client): import('node:net').Socket {
  return (client as unknown as { connection: { stream: import('node:net').Socket } }).connection
    .stream;
}

async function connect(url: string, applicationName: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: applicationName });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Resolves with `promise`, or fails naming `what` after a generous deadline. */
async function within<T>(what: string, promise: Promise<T>, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type Kill = (client: Client) => Promise<void>;

const KILLS: [string, Kill][] = [
  [
    'idle in a transaction opened by START TRANSACTION (as TypeORM opens them)',
    async (client) => {
      await client.query('START TRANSACTION');
      await client.query("INSERT INTO killed (note) VALUES ('started')");
    },
  ],
  [
    'idle in a transaction after a write',
    async (client) => {
      await client.query('BEGIN');
      await client.query("INSERT INTO killed (note) VALUES ('idle in transaction')");
    },
  ],
  [
    'with an extended query sent without its Sync',
    async (client) => {
      await client.query('BEGIN');
      socketOf(client).write(extendedWithoutSync("INSERT INTO killed (note) VALUES ('no sync')"));
    },
  ],
  [
    'in the middle of a message',
    async (client) => {
      await client.query('BEGIN');
      socketOf(client).write(message('Q', cstring('SELECT 1')).subarray(0, 7));
    },
  ],
  [
    'while its query runs',
    async (client) => {
      await client.query('BEGIN');
      socketOf(client).write(
        message('Q', cstring('SELECT count(*) FROM generate_series(1, 2000000)')),
      );
    },
  ],
  [
    'in an aborted transaction',
    async (client) => {
      await client.query('BEGIN');
      await client.query('SELECT 1/0').catch(() => undefined);
    },
  ],
];

// A split app killed (kill -9) in the middle of its work must leave the pooled database usable for
// every other app, with nothing of its transaction kept: PgBouncer drops the server connection it
// held and logs in again; the gate must clean up PGlite's one session before the next client.
describe('the pooled embedded TimescaleDB when a client dies mid-transaction', () => {
  let dataDir: string;
  let database: PooledEmbeddedTimescale;
  let others: Client[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-pooled-kill-'));
    await copyTemplateDataDir(dataDir);
    database = await startPooledEmbeddedTimescale({ dataDir, port: 0, logger: ERRORS_ONLY });
    const setup = await connect(database.url, 'setup');
    await setup.query('CREATE TABLE killed (id serial PRIMARY KEY, note text NOT NULL)');
    await setup.end();
  }, 120_000);

  afterEach(async () => {
    await Promise.all(others.map((c) => c.end().catch(() => undefined)));
    others = [];
  });

  afterAll(async () => {
    await database?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  for (const [how, kill] of KILLS) {
    it(`serves the other clients after one is killed ${how}`, async () => {
      for (let round = 0; round < 5; round++) {
        others = await Promise.all([1, 2, 3].map((i) => connect(database.url, `other-${i}`)));
        const victims = await Promise.all([1, 2, 3].map(() => connect(database.url, 'victim')));
        await kill(victims[0]);
        const queued = victims.slice(1).map((v) => v.query('SELECT 1').catch(() => undefined));
        // Others queue behind the victim's transaction while it dies.
        const waiting = others.map((c, i) =>
          c.query<{ n: string }>('SELECT $1::int AS n', [i]).then((r) => r.rows[0].n),
        );
        victims.forEach((v) => socketOf(v).destroy());
        await Promise.all(queued);
        expect(await within(`${how}, round ${round}`, Promise.all(waiting))).toEqual([0, 1, 2]);
        const [{ count }] = (
          await within(
            'the count',
            others[0].query<{ count: string }>('SELECT count(*)::text AS count FROM killed'),
          )
        ).rows;
        expect(count).toBe('0');
        const write = await within(
          'a write in a transaction',
          (async () => {
            await others[1].query('BEGIN');
            await others[1].query("INSERT INTO killed (note) VALUES ('kept') RETURNING id");
            await others[1].query('ROLLBACK');
            return 'ok';
          })(),
        );
        expect(write).toBe('ok');
        await Promise.all(others.map((c) => c.end()));
        others = [];
      }
    }, 300_000);
  }
});
