import { Command } from '@nestjs/cqrs';

import type { Candle } from '../../domain/strategy';
import type { SignalRecord } from '../ports/signal.repository.port';

/**
 * Run the strategy on a closed candle and act on its signals: each is sized to the lot, checked
 * by risk, stored and (approved) requested; a paused instance's entries are dropped. A signal
 * whose write fails is kept for the pending signals retry, so the candle does not fail for it;
 * its performance point's write failing does fail it (a redelivery records the point). Returns
 * the signals stored now; a replayed candle's signals are already stored and come back empty.
 */
export class EvaluateCandleCommand extends Command<SignalRecord[]> {
  constructor(readonly candle: Candle) {
    super();
  }
}
