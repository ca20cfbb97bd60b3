import { memoryHarness } from './transport-harness';
import { sameHandlersSuite } from './transport.suite';

describe('same handlers through the memory transport', () => {
  sameHandlersSuite(() => Promise.resolve(memoryHarness()));
});
