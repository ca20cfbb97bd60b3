import { z } from 'zod';

import { concern, variable } from './variable';

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
  },
  build: (v) => ({
    tickSpoolDir: v.TICK_SPOOL_DIR,
    tickSpoolMaxBytes: Math.floor(v.TICK_SPOOL_MAX_MB * 2 ** 20),
  }),
});
