import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { migrateDatabase, MIGRATIONS } from '../src';
import { copyTemplateDataDir } from '../src/testing/template-data-dir';

describe('migrateDatabase', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-migrate-'));
    await copyTemplateDataDir(dataDir);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates the embedded database, stops it, and finds nothing pending on the next run', async () => {
    const options = { embeddedDataDir: dataDir, embeddedPort: 0 };
    await expect(migrateDatabase(options)).resolves.toEqual(
      MIGRATIONS.map((migration) => migration.name),
    );
    await expect(migrateDatabase(options)).resolves.toEqual([]);
  });
});
