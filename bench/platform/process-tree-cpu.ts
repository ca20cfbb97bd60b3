import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK']).stdout.toString().trim()) || 100;

interface Stat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime: its own CPU and that of its children already reaped. */
  ticks: number;
}

/** /proc/<pid>/stat; the command name (field 2) may contain spaces, so parse after its ')'. */
function readStat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid = field 4, utime..cstime = fields 14..17.
    const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
    return { pid, ppid: Number(fields[1]), ticks };
  } catch {
    return undefined; // exited between readdir and read
  }
}

export interface TreeCpu {
  /** CPU seconds of `root` and every live descendant. */
  seconds: number;
  /** CPU seconds of the root process alone (the rest is its children: the embedded database). */
  rootSeconds: number;
  pids: number[];
}

/** CPU used so far by `root` and every live descendant (the embedded database child). */
export function treeCpuSeconds(root: number): TreeCpu {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is Stat => stat !== undefined);
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const stat of stats) {
      if (tree.has(stat.ppid) && !tree.has(stat.pid)) {
        tree.add(stat.pid);
        grew = true;
      }
    }
  }
  const ticks = stats.filter((stat) => tree.has(stat.pid)).reduce((sum, s) => sum + s.ticks, 0);
  const rootTicks = stats.find((stat) => stat.pid === root)?.ticks ?? 0;
  return {
    seconds: ticks / TICKS_PER_SECOND,
    rootSeconds: rootTicks / TICKS_PER_SECOND,
    pids: [...tree],
  };
}
