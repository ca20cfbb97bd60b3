import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** A TypeScript entry script run in its own Node process, its stdout split into lines. */
export interface ScriptProcess {
  readonly lines: string[];
  /** Resolves when a line matching `predicate` was printed; rejects if the process exits first. */
  until(predicate: (lines: string[]) => boolean): Promise<void>;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export function runScript(script: string, args: string[]): ScriptProcess {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, script),
      ...args,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    },
  );
  const lines: string[] = [];
  let stderr = '';
  let waiters: {
    predicate: (lines: string[]) => boolean;
    resolve: () => void;
    reject: (e: Error) => void;
  }[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    waiters = waiters.filter((w) => !w.predicate(lines) || (w.resolve(), false));
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  void exited.then((code) => {
    waiters.forEach((w) =>
      w.reject(new Error(`${script} exited (${code}) early:\n${stderr.slice(-2000)}`)),
    );
    waiters = [];
  });
  return {
    lines,
    until(predicate) {
      if (predicate(lines)) {
        return Promise.resolve();
      }
      if (child.exitCode !== null) {
        return Promise.reject(
          new Error(`${script} exited (${child.exitCode}):\n${stderr.slice(-2000)}`),
        );
      }
      return new Promise((resolve, reject) => waiters.push({ predicate, resolve, reject }));
    },
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const done = once(child, 'exit');
        child.kill('SIGTERM');
        await done;
      }
    },
  };
}

/** `RECEIVED <key> <seq> <message id>` lines, as both consumer scripts print them. */
export function received(lines: string[]): { key: string; seq: number; id: string }[] {
  return lines
    .filter((line) => line.startsWith('RECEIVED '))
    .map((line) => {
      const [, key, seq, id] = line.split(' ');
      return { key, seq: Number(seq), id };
    });
}
