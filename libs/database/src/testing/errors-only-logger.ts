import { Logger } from '@nestjs/common';

import { EmbeddedTimescaleLogger } from '../embedded-timescale';

/** Tests start many embedded databases: keep their progress lines out of the output, not their failures. */
export const ERRORS_ONLY: EmbeddedTimescaleLogger = {
  log: () => undefined,
  error: (message: unknown) => new Logger('EmbeddedTimescale').error(message),
};
