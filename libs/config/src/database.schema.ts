import { z } from 'zod';

import { concern, port, variable } from './variable';

export const databaseConcern = concern({
  variables: {
    DATABASE_URL: variable(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
        .optional(),
      {
        doc: 'TimescaleDB server. Unset: an embedded TimescaleDB (PGlite) is started in-process.',
        secret: true,
      },
    ),
    DATABASE_POOL_SIZE: variable(z.coerce.number().int().min(1).max(100), {
      doc: 'Connections to DATABASE_URL (1 for a server that is one session, such as PGlite).',
      default: '10',
    }),
    DATABASE_SCHEMA_WAIT_SECONDS: variable(z.coerce.number().int().min(1).max(86_400), {
      doc: 'Split apps on DATABASE_URL never migrate: they wait this long for the migrate step (npm run migrate) to bring the schema to their version, then fail.',
      default: '300',
    }),
    EMBEDDED_DB_DIR: variable(z.string().min(1), {
      doc: 'Data directory of the embedded TimescaleDB.',
      default: '.nexwave/pgdata',
    }),
    EMBEDDED_DB_PORT: variable(port, {
      doc: 'Loopback port of the embedded TimescaleDB (0 picks a free one).',
      default: '0',
    }),
  },
  build: (v) => ({
    url: v.DATABASE_URL,
    poolSize: v.DATABASE_POOL_SIZE,
    schemaWaitSeconds: v.DATABASE_SCHEMA_WAIT_SECONDS,
    embeddedDataDir: v.EMBEDDED_DB_DIR,
    embeddedPort: v.EMBEDDED_DB_PORT,
  }),
});
