import { z } from 'zod';

import { concern, positiveNumber, variable } from './variable';

export const ordersConcern = concern({
  variables: {
    BREAKER_FAILURE_THRESHOLD: variable(z.coerce.number().int().positive(), {
      doc: 'Consecutive failed order submissions (timeouts, 5xx) that open the circuit breaker.',
      default: '5',
    }),
    BREAKER_COOL_DOWN_SECONDS: variable(positiveNumber, {
      doc: 'Seconds the open breaker refuses orders before one probe order is let through.',
      default: '30',
    }),
  },
  build: (v) => ({
    breaker: {
      failureThreshold: v.BREAKER_FAILURE_THRESHOLD,
      coolDownMs: v.BREAKER_COOL_DOWN_SECONDS * 1_000,
    },
  }),
});
