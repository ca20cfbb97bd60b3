import type { BookSide } from '../../domain/order-book';
import type { WhaleKind } from '../../domain/whale-candidate';

/** A new whale activity was recorded (with its whales.detected.v1 message and alert rows). */
export class WhaleDetectedEvent {
  constructor(
    readonly activityId: string,
    readonly symbol: string,
    readonly side: BookSide,
    readonly kind: WhaleKind,
    readonly notionalUsd: string,
    /** When the whale was first seen: its impact horizons count from it. */
    readonly detectedAt: Date,
    /** The detection round's time: its alerts are due from it. */
    readonly recordedAt: Date,
  ) {}
}
