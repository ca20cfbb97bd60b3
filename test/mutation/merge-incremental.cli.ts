// Usage: ts-node --transpile-only test/mutation/merge-incremental.cli.ts <out.json> <in.json>...
// Later inputs win for a file that several hold. After a merge conflict in the checked-in
// incremental file: `git show <ours>:<file> > a.json; git show <theirs>:<file> > b.json`, then
// merge them into it.
import { readFileSync, writeFileSync } from 'node:fs';

import { IncrementalReport, mergeIncrementalReports } from './merge-incremental';

const [output, ...inputs] = process.argv.slice(2);
if (!output || inputs.length === 0) {
  console.error('usage: merge-incremental.cli.ts <out.json> <in.json> [<in.json>...]');
  process.exit(2);
}
const reports = inputs.map((path) => JSON.parse(readFileSync(path, 'utf8')) as IncrementalReport);
writeFileSync(output, `${JSON.stringify(mergeIncrementalReports(reports), null, 2)}\n`);
console.log(`merged ${inputs.length} reports into ${output}`);
