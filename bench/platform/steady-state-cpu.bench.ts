// Steady-state CPU of the all-in-one app on its default simulator: builds it, starts
// dist/apps/nexwave (private HTTP port, free simulator and database ports, a temp data dir),
// and samples the CPU of the app process and its children (the embedded database) from /proc.
// Prints the share of one core over the first minute after /health answers and over minutes
// 10-15, and the growth between them (goal: none, and below 15% of a core).
// Run: npm run bench steady-state-cpu   (~16 min). Shorter: BENCH_FIRST_S=20 BENCH_LATE_FROM_S=40
// BENCH_LATE_TO_S=60. BENCH_BUILD=0 skips the build; BENCH_CPU_PROF=1 also prints the app
// process's top functions by self time over the late window (node --cpu-prof; the database child
// is forked without it).
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '@nexwave/core/testing';

import { topSelfTime } from './cpu-profile-top';
import { treeCpuSeconds } from './process-tree-cpu';

const FIRST_S = Number(process.env.BENCH_FIRST_S ?? 60);
const LATE_FROM_S = Number(process.env.BENCH_LATE_FROM_S ?? 600);
const LATE_TO_S = Number(process.env.BENCH_LATE_TO_S ?? 900);
const PROFILE = process.env.BENCH_CPU_PROF === '1';
const root = join(__dirname, '..', '..');

interface Sample {
  at: number;
  /** CPU seconds of the app and its children. */
  cpu: number;
  /** CPU seconds of the app process alone. */
  app: number;
}

function sample(pid: number): Sample {
  const { seconds, rootSeconds } = treeCpuSeconds(pid);
  return { at: Date.now(), cpu: seconds, app: rootSeconds };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(url: string, app: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) {
      throw new Error(`the app exited with ${app.exitCode} before answering /health`);
    }
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) {
      return;
    }
    await delay(250);
  }
  throw new Error('no /health 200 within 5 minutes');
}

/** CPU share of one core between two samples, in percent: all, and of the app process alone. */
function share(from: Sample, to: Sample, of: 'cpu' | 'app' = 'cpu'): number {
  return ((to[of] - from[of]) / ((to.at - from.at) / 1000)) * 100;
}

/** SIGTERM, then SIGKILL to it and its children if it is still running 20 s later. */
async function stop(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || app.signalCode !== null) {
    return;
  }
  const { pids } = treeCpuSeconds(app.pid!);
  const exited = once(app, 'exit');
  app.kill('SIGTERM');
  if ((await Promise.race([exited, delay(20_000).then(() => 'timeout')])) === 'timeout') {
    console.log('the app did not stop within 20 s of SIGTERM: killed');
    pids.forEach((pid) => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    });
    await exited;
  }
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  if (process.env.BENCH_BUILD !== '0') {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    if (build.status !== 0) {
      throw new Error('npm run build failed');
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'nexwave-cpu-'));
  const port = await freePort();
  const log = createWriteStream(join(dir, 'app.log'));
  const profiling = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
  const app = spawn(process.execPath, [...profiling, join(root, 'dist/apps/nexwave/src/main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      PACIFICA_SIM_PORT: '0',
      EMBEDDED_DB_PORT: '0',
      EMBEDDED_DB_DIR: join(dir, 'pgdata'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout.pipe(log);
  app.stderr.pipe(log);
  const pid = app.pid!;
  let lines = 0;
  app.stdout.on('data', (chunk: Buffer) => (lines += chunk.toString().split('\n').length - 1));
  try {
    const spawned = Date.now();
    console.log(`load average at start: ${load()}`);
    await waitForHealth(`http://127.0.0.1:${port}/health`, app);
    const ready = sample(pid);
    console.log(
      `ready after ${((ready.at - spawned) / 1000).toFixed(1)} s, ${ready.cpu.toFixed(1)} CPU s ` +
        `(start-up, ${treeCpuSeconds(pid).pids.length} processes)`,
    );
    const samples: Sample[] = [ready];
    const logged = new Set<number>();
    while (samples.at(-1)!.at - ready.at < LATE_TO_S * 1000) {
      await delay(Math.min(5_000, LATE_TO_S * 1000));
      if (app.exitCode !== null) {
        throw new Error(`the app exited with ${app.exitCode}`);
      }
      const now = sample(pid);
      samples.push(now);
      const minute = Math.floor((now.at - ready.at) / 60_000);
      if (!logged.has(minute) && minute > 0) {
        logged.add(minute);
        const minuteAgo = samples.at(-13) ?? ready;
        console.log(
          `minute ${minute}: ${share(minuteAgo, now).toFixed(1)}% of a core ` +
            `(app ${share(minuteAgo, now, 'app').toFixed(1)}%), load ${load()}`,
        );
      }
    }
    const at = (seconds: number) =>
      samples.reduce((best, candidate) =>
        Math.abs(candidate.at - ready.at - seconds * 1000) <
        Math.abs(best.at - ready.at - seconds * 1000)
          ? candidate
          : best,
      );
    const windows = {
      [`first ${FIRST_S} s after ready`]: [ready, at(FIRST_S)],
      [`${LATE_FROM_S}-${LATE_TO_S} s after ready`]: [at(LATE_FROM_S), at(LATE_TO_S)],
    };
    const shares = Object.values(windows).map(([from, to]) => share(from, to));
    console.log(`\nall-in-one app on the default simulator: CPU as a share of one core`);
    console.table(
      Object.entries(windows).map(([window, [from, to]]) => ({
        window,
        'app + database': `${share(from, to).toFixed(1)}%`,
        'app process': `${share(from, to, 'app').toFixed(1)}%`,
        'database child': `${(share(from, to) - share(from, to, 'app')).toFixed(1)}%`,
      })),
    );
    console.log(`growth: ${(shares[1] - shares[0]).toFixed(1)} points`);
    console.log(`log lines on stdout: ${lines}; load average at end: ${load()}`);
  } catch (error) {
    const tail = (await readFile(join(dir, 'app.log'), 'utf8')).split('\n').slice(-20);
    console.log(`app log, last lines:\n${tail.join('\n')}`);
    throw error;
  } finally {
    await stop(app);
    log.end();
    const profiles = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile')).sort();
    for (const profile of profiles) {
      const window = LATE_TO_S - LATE_FROM_S;
      const top = topSelfTime(join(dir, profile), window);
      console.log(
        `\nthe app's main thread over the last ${window} s: busy ${top.busy} of samples ` +
          `(${profile}); self time as a share of busy samples, by function and by library`,
      );
      console.table(top.functions);
      console.table(top.files);
    }
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
