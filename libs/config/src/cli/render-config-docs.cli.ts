import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderEnvExample, replaceConfigTable } from '../config-docs';

const root = process.cwd();
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, replaceConfigTable(readFileSync(readmePath, 'utf8')));
writeFileSync(join(root, '.env.example'), renderEnvExample());
