import { Command } from '@nestjs/cqrs';

import type { SignalRecord } from '../ports/signal.repository.port';

/**
 * Asks risk again about every signal still pending (risk did not answer when it was stored), or
 * expires those older than one candle. Returns them as they are now: settled or still pending.
 */
export class RetryPendingSignalsCommand extends Command<SignalRecord[]> {}
