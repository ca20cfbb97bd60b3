import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A ts-node CLI of this repository as its own process, on the embedded database in dataDir. */
export function runCli(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<ProcessRun> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, ...args],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', PACIFICA_NETWORK: 'sim', ...env } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, stdout, stderr })));
}

/** The run's stdout; throws with its stderr unless it exited 0 (for set-ups, outside tests). */
export function succeeded(run: ProcessRun, what: string): string {
  if (run.code !== 0) {
    throw new Error(`${what} exited ${run.code}: ${run.stderr}`);
  }
  return run.stdout;
}
