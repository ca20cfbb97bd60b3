import { z } from 'zod';

import { boolean, concern, variable } from './variable';

export const marketDataConcern = concern({
  variables: {
    TICK_SPOOL_DIR: variable(z.string().min(1), {
      doc: 'Directory of the on-disk spool for trades the database cannot take (down or shutting down); replayed once it can, also after a restart.',
      default: '.nexwave/spool/ticks',
    }),
    TICK_SPOOL_MAX_MB: variable(z.coerce.number().positive(), {
      doc: 'Bound of the tick spool in MiB (about 70 bytes a trade); trades beyond it are counted and logged with their time window.',
      default: '256',
    }),
    RECORD_BOOKS: variable(boolean, {
      doc: 'Record order-book snapshots (top levels, throttled per symbol) in order_book_snapshots, for backtests that walk real books.',
      default: 'false',
    }),
    RECORD_BOOKS_INTERVAL_MS: variable(z.coerce.number().int().min(100).max(3_600_000), {
      doc: 'At most one recorded book per symbol this often (exchange time), in ms.',
      default: '1000',
    }),
    RECORD_BOOKS_LEVELS: variable(z.coerce.number().int().min(1).max(10), {
      doc: 'Levels recorded per side (the feed sends at most 10).',
      default: '10',
    }),
  },
  build: (v) => ({
    tickSpoolDir: v.TICK_SPOOL_DIR,
    tickSpoolMaxBytes: Math.floor(v.TICK_SPOOL_MAX_MB * 2 ** 20),
    recordBooks: v.RECORD_BOOKS
      ? { intervalMs: v.RECORD_BOOKS_INTERVAL_MS, levels: v.RECORD_BOOKS_LEVELS }
      : null,
  }),
});
