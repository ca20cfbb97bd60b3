import { readdirSync, readFileSync } from 'node:fs';

/**
 * Pid of the embedded TimescaleDB child serving `dataDir` (whatever process started it), or
 * undefined; for tests that kill or freeze the database under an app. Linux only (/proc).
 */
export function findEmbeddedChildPid(dataDir: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited meanwhile
    }
    if (
      args.some((arg) => arg.endsWith('embedded-timescale.child.cjs')) &&
      args.includes(dataDir)
    ) {
      return Number(entry);
    }
  }
  return undefined;
}
