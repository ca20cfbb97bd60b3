import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';

import {
  TickRowsRejectedError,
  TickStorePort,
  type DeadLetter,
  type GapRecord,
  type TickWriteResult,
} from '../../application/ports/tick-store.port';
import type { Tick } from '../../domain/tick';
import {
  COPY_TICKS_STAGING,
  CREATE_TICKS_STAGING,
  INSERT_MARKET_DATA_GAP,
  INSERT_TICKS_DEAD_LETTERS,
  INSERT_TICKS_FROM_STAGING,
  INSERT_TICKS_UNNEST,
  SERVER_VERSION,
} from './market-data.sql';

/**
 * `auto` (default): `insert` on the embedded TimescaleDB (PGlite aborts on COPY FROM STDIN over
 * its socket), `copy` on a Postgres server. `copy`: COPY into a per-session staging table, then one INSERT ... SELECT ... ON CONFLICT DO
 * NOTHING, in one transaction (the fast path, see bench/market-data). `insert`: one multi-row
 * INSERT from unnest()ed arrays. Both deduplicate on (symbol, trade_id, time).
 */
export type TickWriteMode = 'copy' | 'insert';

const COPY_CHUNK_ROWS = 1_000;

/**
 * The ticks hypertable, written through the DataSource's own pool: on the embedded TimescaleDB
 * (one Postgres session, pool of one) a second connection would share that session, so the
 * writer borrows the pool's connection for each batch instead of opening its own.
 */
export class TypeOrmTickStore extends TickStorePort {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mode: TickWriteMode | 'auto' = 'auto',
  ) {
    super();
  }

  private resolvedMode: TickWriteMode | null = null;

  /** The write path in use; `auto` is resolved on the first batch. */
  get writeMode(): TickWriteMode | null {
    return this.mode === 'auto' ? this.resolvedMode : this.mode;
  }

  async insert(ticks: readonly Tick[]): Promise<TickWriteResult> {
    if (ticks.length === 0) {
      return { inserted: 0, duplicates: 0 };
    }
    const inserted = await this.withClient(async (client) =>
      (await this.resolveMode(client)) === 'copy'
        ? copyTicks(client, ticks)
        : insertTicks(client, ticks),
    );
    return { inserted, duplicates: ticks.length - inserted };
  }

  async deadLetter(letters: readonly DeadLetter[]): Promise<void> {
    await this.withClient((client) =>
      client.query(INSERT_TICKS_DEAD_LETTERS, [
        letters.map((letter) => letter.symbol && withoutNul(letter.symbol)),
        letters.map((letter) => letter.tradeId && withoutNul(letter.tradeId)),
        letters.map((letter) => jsonWithoutNul(letter.payload)),
        letters.map((letter) => withoutNul(letter.reason)),
      ]),
    );
  }

  async recordGap(gap: GapRecord): Promise<void> {
    await this.withClient((client) =>
      client.query(INSERT_MARKET_DATA_GAP, [
        gap.symbol,
        gap.from.toISOString(),
        gap.to.toISOString(),
        gap.reason,
        gap.backfilledTrades,
        gap.unfilled?.from.toISOString() ?? null,
        gap.unfilled?.to.toISOString() ?? null,
      ]),
    );
  }

  private async resolveMode(client: PoolClient): Promise<TickWriteMode> {
    if (this.mode !== 'auto') {
      return this.mode;
    }
    if (!this.resolvedMode) {
      const { rows } = await client.query<{ version: string }>(SERVER_VERSION);
      this.resolvedMode = /emscripten/i.test(rows[0]?.version ?? '') ? 'insert' : 'copy';
    }
    return this.resolvedMode;
  }

  private async withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      return await work(client);
    } catch (error) {
      throw rejectedRows(error) ?? error;
    } finally {
      await runner.release();
    }
  }
}

async function insertTicks(client: PoolClient, ticks: readonly Tick[]): Promise<number> {
  const result = await client.query(INSERT_TICKS_UNNEST, [
    ticks.map((tick) => tick.time.toISOString()),
    ticks.map((tick) => tick.symbol),
    ticks.map((tick) => tick.price),
    ticks.map((tick) => tick.size),
    ticks.map((tick) => tick.side),
    ticks.map((tick) => tick.tradeId),
    ticks.map((tick) => tick.source),
  ]);
  return result.rowCount ?? 0;
}

async function copyTicks(client: PoolClient, ticks: readonly Tick[]): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query(CREATE_TICKS_STAGING);
    await pipeline(Readable.from(copyText(ticks)), client.query(copyFrom(COPY_TICKS_STAGING)));
    const result = await client.query(INSERT_TICKS_FROM_STAGING);
    await client.query('COMMIT');
    return result.rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** COPY text format, in chunks of rows. */
export function* copyText(ticks: readonly Tick[]): Generator<string> {
  for (let start = 0; start < ticks.length; start += COPY_CHUNK_ROWS) {
    let chunk = '';
    for (const tick of ticks.slice(start, start + COPY_CHUNK_ROWS)) {
      chunk += `${tick.time.toISOString()}\t${copyField(tick.symbol)}\t${copyField(tick.price)}\t${copyField(tick.size)}\t${copyField(tick.side)}\t${copyField(tick.tradeId)}\t${copyField(tick.source)}\n`;
    }
    yield chunk;
  }
}

function copyField(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (char) => COPY_ESCAPES[char]);
}

const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the rows, not the database. */
function rejectedRows(error: unknown): TickRowsRejectedError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code)) {
    return new TickRowsRejectedError(`${code}: ${(error as Error).message}`, code);
  }
  return null;
}

// Postgres text and jsonb cannot hold NUL; a dead letter keeps it visible as an escape instead.
function withoutNul(value: string): string {
  return value.replace(/\0/g, '\\0');
}

function jsonWithoutNul(value: unknown): string {
  return JSON.stringify(value).replace(/\\u0000/g, '\\\\0');
}
