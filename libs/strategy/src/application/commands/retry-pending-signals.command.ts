import { Command } from '@nestjs/cqrs';

import type { SignalRecord } from '../ports/signal.repository.port';

/**
 * Stores the signals kept in memory because their write failed (dropping, logged, those one
 * candle old), then asks risk again about every signal still pending (risk did not answer when it
 * was stored), or expires those older than one candle. Returns them as they are now: settled or
 * still pending.
 */
export class RetryPendingSignalsCommand extends Command<SignalRecord[]> {}
