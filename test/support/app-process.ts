import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface AppProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let spools = 0;

/**
 * Starts dist/apps/<app> with only PATH and `env`. Its tick spool is private to this start unless
 * `env` names one: the default (.nexwave/spool in the repository) would carry trades one test
 * left behind into another test's database.
 */
export function startApp(app: string, env: Record<string, string>): AppProcess {
  const spoolDir = join(tmpdir(), `nexwave-spool-${process.pid}-${++spools}`);
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', app, 'src', 'main.js')], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', TICK_SPOOL_DIR: spoolDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

/** Polls until the URL answers 200, the process dies, or the deadline passes. */
export async function waitForOk(url: string, app: AppProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) {
      throw new Error(`app exited with ${app.child.exitCode}:\n${app.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not ok within ${timeoutMs} ms:\n${app.output()}`);
}
