import { LiveFeed } from '@nexwave/core';
import type { BreakerChangedV1 } from '@nexwave/messaging';

/** Breaker changes as they are announced, for the circuitBreakerChanged subscription (the DI token). */
export class BreakerLiveFeed extends LiveFeed<BreakerChangedV1> {}
