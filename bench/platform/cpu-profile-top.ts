import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface TopEntry {
  share: string;
  name: string;
}

/**
 * Where a `node --cpu-prof` profile spent its busy time (idle samples left out) over its last
 * `lastSeconds` (the steady state, without start-up): the functions and the files with the most
 * self time, as shares of the busy samples.
 */
export function topSelfTime(
  file: string,
  lastSeconds: number,
  count = 15,
): { busy: string; functions: TopEntry[]; files: TopEntry[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const times: number[] = [];
  profile.timeDeltas.reduceRight((time, delta) => (times.unshift(time), time - delta), 0);
  const from = -lastSeconds * 1e6;
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let busy = 0;
  let all = 0;
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id);
    if (times[index] < from || !frame) {
      return;
    }
    all++;
    if (frame.functionName === '(idle)') {
      return;
    }
    busy++;
    const url = frame.url.replace(/^.*\/(node_modules|dist)\//, '$1/');
    const name = `${frame.functionName || '(anonymous)'} ${url}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + 1);
    const where = url.replace(/^(node_modules\/(@[^/]+\/)?[^/]+|dist\/libs\/[^/]+)\/.*$/, '$1');
    files.set(where || frame.functionName, (files.get(where || frame.functionName) ?? 0) + 1);
  });
  const top = (counts: Map<string, number>) =>
    [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, samples]) => ({ share: `${((samples / busy) * 100).toFixed(1)}%`, name }));
  return {
    busy: `${((busy / Math.max(all, 1)) * 100).toFixed(1)}%`,
    functions: top(functions),
    files: top(files),
  };
}
