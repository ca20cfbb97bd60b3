import { LiveFeed } from '@nexwave/core';
import type { WhaleDetectedV1 } from '@nexwave/messaging';

/** Whales as they are announced, for the whaleDetected subscription (one per app: the DI token). */
export class WhaleLiveFeed extends LiveFeed<WhaleDetectedV1> {}
