import { LiveFeed } from '@nexwave/core';
import type { OrderEventV1 } from '@nexwave/messaging';

/** Order events as they are announced, for the orderUpdated subscription (the DI token). */
export class OrderLiveFeed extends LiveFeed<OrderEventV1> {}
