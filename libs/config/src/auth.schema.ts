import { z } from 'zod';

import { API_KEY_PATTERN } from '@nexwave/auth';

import { boolean, concern, variable } from './variable';

export const authConcern = concern({
  variables: {
    API_AUTH_REQUIRED: variable(boolean, {
      doc: 'true: market data and whale reads (REST and GraphQL) need a bearer credential of role read or above; false: they are open. Trading and admin routes always need one.',
      default: 'false',
    }),
    ADMIN_API_KEY: variable(
      z
        .string()
        .regex(API_KEY_PATTERN, 'must be nxk_<16 hex digits>_<43 base64url characters>')
        .optional(),
      {
        doc: 'An admin API key stored at start-up (idempotent). Unset: the all-in-one app creates one on first start and prints it once.',
        secret: true,
      },
    ),
    JWT_SECRET: variable(z.string().min(32, 'must be at least 32 characters').optional(), {
      doc: 'HS256 secret of the JWTs POST /api/v1/auth/token issues. Unset: a random secret per process (tokens do not survive a restart, nor work across instances).',
      secret: true,
    }),
    JWT_TTL_SECONDS: variable(z.coerce.number().int().min(1).max(86_400), {
      doc: 'Lifetime of an issued JWT in seconds.',
      default: '900',
    }),
  },
  build: (v) => ({
    required: v.API_AUTH_REQUIRED,
    adminApiKey: v.ADMIN_API_KEY,
    jwtSecret: v.JWT_SECRET,
    jwtTtlSeconds: v.JWT_TTL_SECONDS,
  }),
});
