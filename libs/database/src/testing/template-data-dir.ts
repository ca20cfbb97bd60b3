import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { startEmbeddedTimescale } from '../embedded-timescale';
import { ERRORS_ONLY } from './errors-only-logger';

/*
 * A brand-new PGlite data directory costs an initdb in WASM (seconds); copying an initialized,
 * cleanly stopped one costs milliseconds. The template is built once per machine and PGlite
 * version, in the OS temp dir, and published with an atomic rename so parallel Jest workers
 * either see a complete template or none.
 */
function templateDir(): string {
  const packageJson = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const { name, version } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    name: string;
    version: string;
  };
  return join(tmpdir(), `nexwave-pgdata-template-${name.replace(/\W+/g, '-')}-${version}`);
}

async function buildTemplate(template: string): Promise<void> {
  const building = await mkdtemp(`${template}-building-`);
  try {
    const server = await startEmbeddedTimescale({
      dataDir: building,
      port: 0,
      logger: ERRORS_ONLY,
    });
    await server.stop();
    await rename(building, template);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    if (!existsSync(join(template, 'PG_VERSION'))) {
      throw error;
    }
    // Another worker published the template first.
  }
}

/** Fills an empty directory with an initialized TimescaleDB data directory. */
export async function copyTemplateDataDir(target: string): Promise<void> {
  const template = templateDir();
  if (!existsSync(join(template, 'PG_VERSION'))) {
    await buildTemplate(template);
  }
  await cp(template, target, { recursive: true });
}
