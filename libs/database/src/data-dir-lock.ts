import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DataDirInUseError } from './embedded-timescale.process';

const LOCK_FILE = 'nexwave.pid';

/**
 * Two PGlite instances on one data directory corrupt it (e.g. `npm run db:shell` while the app
 * runs), and PGlite's own postmaster.pid does not guard against that: the process serving a data
 * directory records its pid there. Throws when another live process holds dataDir.
 */
export function assertDataDirFree(dataDir: string): void {
  const holder = readHolder(join(dataDir, LOCK_FILE));
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
    throw new DataDirInUseError(dataDir, holder);
  }
}

/** Records this process as the holder of dataDir (once initialized: initdb wants an empty directory); returns the release. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  writeFileSync(path, `${process.pid}\n`);
  return () => rmSync(path, { force: true });
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
