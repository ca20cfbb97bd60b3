import { MemoryStreamAdapter } from '@nexwave/messaging/testing';

import { streamPortSuite } from './stream-port.suite';

describe('MemoryStreamAdapter', () => {
  streamPortSuite(
    () => Promise.resolve(new MemoryStreamAdapter()),
    () => Promise.resolve(),
  );
});
