import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const libs = join(__dirname, '../../libs');

describe('lib READMEs (STYLE.md: under 30 lines)', () => {
  it.each(readdirSync(libs))('libs/%s/README.md', (lib) => {
    const lines = readFileSync(join(libs, lib, 'README.md'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines.length).toBeLessThan(30);
  });
});
