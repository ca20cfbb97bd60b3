// `npm run bench [filter]`: runs every bench/**/*.bench.ts (or those whose path contains the
// filter) one after another, each in its own process, and prints the machine they ran on.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');

function benchFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return benchFiles(path);
    }
    return entry.name.endsWith('.bench.ts') ? [path] : [];
  });
}

const filter = process.argv[2] ?? '';
const files = benchFiles(__dirname).filter((file) => relative(root, file).includes(filter));
console.log(
  `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
let failed = 0;
for (const file of files.sort()) {
  console.log(`\n== ${relative(root, file)}`);
  const result = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', file],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    failed++;
  }
}
process.exitCode = failed > 0 ? 1 : 0;
