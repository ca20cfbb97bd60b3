import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@nexwave/config';
import { createApp } from '@nexwave/platform';
import { NexwaveAppModule } from '../../apps/nexwave/src/nexwave-app.module';

async function main() {
  const config = loadConfig('nexwave', { LOG_LEVEL: 'warn', PACIFICA_SIM_PORT: '0', EMBEDDED_DB_DIR: mkdtempSync(join(tmpdir(), 'nx-app-')), EMBEDDED_DB_PORT: '0' } as never);
  const started = Date.now();
  const app = await createApp({ name: 'nexwave', title: 'n', module: (c) => NexwaveAppModule.forRoot(c as never) }, config);
  await app.init();
  console.log('booted', Date.now() - started);
  const ds = app.get(DataSource);
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const rows = await ds.query(`SELECT symbol, count(*)::int n, min(source) s FROM ticks GROUP BY symbol ORDER BY symbol`);
    console.log(Date.now() - started, JSON.stringify(rows));
    if (rows.length >= 6) break;
  }
  await app.close();
}
void main();
