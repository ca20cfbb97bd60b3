import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { appsReading, renderEnvExample, replaceConfigTable } from './config-docs';

const root = join(__dirname, '..', '..', '..');

describe('generated configuration docs', () => {
  it('README.md holds the current config table (run npm run docs:config)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(replaceConfigTable(readme)).toBe(readme);
  });

  it('.env.example documents every variable (run npm run docs:config)', () => {
    expect(readFileSync(join(root, '.env.example'), 'utf8')).toBe(renderEnvExample());
  });

  it('says which deployables read each variable', () => {
    expect(appsReading('database')).toBe('every app');
    // The api-gateway reads the exchange's markets (lot and tick sizes) for backtests.
    expect(appsReading('pacifica')).toBe('every app, pacifica-sim');
    expect(appsReading('whales')).toBe('nexwave, whale-tracker');
  });
});
