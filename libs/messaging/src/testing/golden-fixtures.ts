import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { StreamEntry } from '../streams/stream.port';
import type { StreamFamily } from '../topics';

const CONTRACTS_DIR = join(__dirname, '..', 'contracts');

/** Every golden fixture file, relative to the contracts folder, sorted. */
export function goldenFixtureFiles(): string[] {
  return readdirSync(CONTRACTS_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.includes('fixtures') && file.endsWith('.json'))
    .sort();
}

export function readGoldenFixture(file: string): unknown {
  return JSON.parse(readFileSync(join(CONTRACTS_DIR, file), 'utf8'));
}

export interface GoldenStreamEntry extends StreamEntry {
  readonly family: StreamFamily;
  readonly type: string;
  readonly v: number;
}

/** The golden stream entries (`*.stream.v<N>.json`): exactly what a reader gets from Redis. */
export function goldenStreamEntries(): GoldenStreamEntry[] {
  return goldenFixtureFiles()
    .filter((file) => file.includes('.stream.'))
    .map((file) => {
      const fixture = readGoldenFixture(file) as Omit<GoldenStreamEntry, 'family'>;
      return { ...fixture, family: fixture.stream.split(':')[0] as StreamFamily };
    });
}
