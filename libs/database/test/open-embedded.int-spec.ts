import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

import { DataDirInUseError } from '../src/embedded-timescale';
import { openEmbedded } from '../src/open-embedded';
import { copyTemplateDataDir } from '../src/testing/template-data-dir';

describe('openEmbedded (a CLI on the all-in-one app’s embedded database)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-open-embedded-'));
    await copyTemplateDataDir(dataDir);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('opens the data directory while no process holds it', async () => {
    const db = await openEmbedded({ embeddedDataDir: dataDir }, 'use the API');
    try {
      const client = new Client({ connectionString: db!.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
        expect(rows).toEqual([{ one: 1 }]);
      } finally {
        await client.end();
      }
    } finally {
      await db?.stop();
    }
  });

  it('refuses politely while another live process holds it, naming the hint', async () => {
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 60_000)'], {
      stdio: 'ignore',
    });
    const exited = once(holder, 'exit');
    try {
      // What a running app's embedded database writes there (data-dir-lock.ts).
      await writeFile(join(dataDir, 'nexwave.pid'), `${holder.pid}\n`);
      const refusal = openEmbedded({ embeddedDataDir: dataDir }, 'use the API');
      await expect(refusal).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(refusal).rejects.toThrow(
        `the data directory ${dataDir} is in use by process ${holder.pid} (a running Nexwave ` +
          'app?); stop it and rerun, or use the API',
      );
    } finally {
      holder.kill();
      await exited;
    }
    // The holder gone, its pid file is stale: the CLI opens the data directory.
    const db = await openEmbedded({ embeddedDataDir: dataDir }, 'use the API');
    await db?.stop();
    expect(db?.url).toMatch(/^postgres:\/\//);
  });

  it('opens nothing when DATABASE_URL names a server', async () => {
    const missing = join(dataDir, 'never-created');
    await expect(
      openEmbedded({ url: 'postgres://server/db', embeddedDataDir: missing }, 'use the API'),
    ).resolves.toBeUndefined();
    expect(existsSync(missing)).toBe(false);
  });
});
