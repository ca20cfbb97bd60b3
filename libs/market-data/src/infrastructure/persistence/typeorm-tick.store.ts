import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, EntityManager } from 'typeorm';

import {
  TickRowsRejectedError,
  TickStorePort,
  type DeadLetter,
  type GapRecord,
  type TickWriteResult,
} from '../../application/ports/tick-store.port';
import type { Tick } from '../../domain/tick';
import { MarketDataGapEntity } from './market-data-gap.entity';
import {
  COPY_TICKS,
  COPY_TICKS_STAGING,
  CREATE_TICKS_STAGING,
  INSERT_TICKS_FROM_STAGING,
  INSERT_TICKS_UNNEST,
  SERVER_VERSION,
} from './market-data.sql';
import { TickDeadLetterEntity } from './tick-dead-letter.entity';

/**
 * `auto` (default): `insert` on the embedded TimescaleDB (PGlite aborts on COPY FROM STDIN over
 * its socket), `copy` on a Postgres server. `copy`: one COPY into `ticks`; a batch holding a
 * stored trade fails it on the unique key and goes through a staging table dropped at commit and
 * one INSERT ... SELECT ... ON CONFLICT DO NOTHING, in one transaction (the fast path, see
 * bench/market-data). `insert`: one multi-row INSERT from unnest()ed arrays. Both deduplicate on
 * (symbol, trade_id, time).
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
    await this.withManager((manager) =>
      manager.insert(
        TickDeadLetterEntity,
        letters.map((letter) => ({
          symbol: letter.symbol && withoutNul(letter.symbol),
          tradeId: letter.tradeId && withoutNul(letter.tradeId),
          payload: JSON.parse(jsonWithoutNul(letter.payload)) as object,
          reason: withoutNul(letter.reason),
        })),
      ),
    );
  }

  async recordGap(gap: GapRecord): Promise<void> {
    await this.withManager((manager) =>
      manager.insert(MarketDataGapEntity, {
        symbol: gap.symbol,
        fromTime: gap.from,
        toTime: gap.to,
        reason: gap.reason,
        backfilledTrades: gap.backfilledTrades,
        unfilledFrom: gap.unfilled?.from ?? null,
        unfilledTo: gap.unfilled?.to ?? null,
      }),
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

  private withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.withManager(async (manager) =>
      work((await manager.queryRunner!.connect()) as PoolClient),
    );
  }

  /** Dead letters and gap rows through their entities, on the pool's connection likewise. */
  private async withManager<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await work(runner.manager);
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

/**
 * One COPY straight into `ticks` (as fast as a raw COPY); when a trade is already stored the
 * COPY fails whole on the unique key and is rolled back, and the batch goes through staging with
 * ON CONFLICT DO NOTHING. Live batches rarely hold a stored trade; replays and backfills do.
 */
async function copyTicks(client: PoolClient, ticks: readonly Tick[]): Promise<number> {
  try {
    return await copyInto(client, COPY_TICKS, ticks);
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) {
      throw error;
    }
  }
  return copyThroughStaging(client, ticks);
}

async function copyThroughStaging(client: PoolClient, ticks: readonly Tick[]): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query(CREATE_TICKS_STAGING);
    await copyInto(client, COPY_TICKS_STAGING, ticks);
    const result = await client.query(INSERT_TICKS_FROM_STAGING);
    await client.query('COMMIT');
    return result.rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Rows copied. */
async function copyInto(client: PoolClient, sql: string, ticks: readonly Tick[]): Promise<number> {
  const copy = client.query(copyFrom(sql));
  await pipeline(Readable.from(copyText(ticks)), copy);
  return copy.rowCount;
}

/** COPY text format, in chunks of rows. */
export function* copyText(ticks: readonly Tick[]): Generator<string> {
  const isoTime = isoTimeFormatter();
  for (let start = 0; start < ticks.length; start += COPY_CHUNK_ROWS) {
    const end = Math.min(ticks.length, start + COPY_CHUNK_ROWS);
    let chunk = '';
    for (let i = start; i < end; i++) {
      const { time, symbol, price, size, side, tradeId, source } = ticks[i];
      // One test per row: the fields rarely hold anything COPY must escape.
      chunk += COPY_SPECIAL.test(symbol + price + size + side + tradeId + source)
        ? `${isoTime(time)}\t${copyField(symbol)}\t${copyField(price)}\t${copyField(size)}\t${copyField(side)}\t${copyField(tradeId)}\t${copyField(source)}\n`
        : `${isoTime(time)}\t${symbol}\t${price}\t${size}\t${side}\t${tradeId}\t${source}\n`;
    }
    yield chunk;
  }
}

/**
 * `toISOString()`, formatting the date and time to the second only when the second changes:
 * trades come in time order, and formatting every Date costs as much as the rest of the row.
 */
function isoTimeFormatter(): (time: Date) => string {
  let second = NaN;
  let prefix = '';
  return (time) => {
    const ms = time.getTime();
    const s = Math.floor(ms / 1_000);
    if (s !== second) {
      second = s;
      // 'YYYY-MM-DDTHH:mm:ss.' (the '.000Z' cut off)
      prefix = new Date(s * 1_000).toISOString().slice(0, -4);
    }
    const milli = ms - s * 1_000;
    return `${prefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  };
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL_ALL = new RegExp(COPY_SPECIAL.source, 'g');

function copyField(value: string): string {
  return value.replace(COPY_SPECIAL_ALL, (char) => COPY_ESCAPES[char]);
}

const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

const UNIQUE_VIOLATION = '23505';

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
