import { hostname } from 'node:os';

import { uuidv7 } from '@nexwave/core';

import type { ConsumeOptions } from './stream.port';

/** A name no other process shares (host, pid and a random part): a consumer's name in a group. */
export function processUniqueName(): string {
  return `${hostname()}-${process.pid}-${uuidv7().slice(-12)}`;
}

/**
 * A stream group of this process alone, for readers that need every entry in every instance.
 * Its metrics carry `name` as the group label, so restarts do not grow the label set. On Redis,
 * each start leaves one empty group behind; it holds no entries.
 */
export function perProcessGroup(
  name: string,
): Pick<ConsumeOptions, 'group' | 'metricsGroup' | 'consumer'> {
  return { group: `${name}-${processUniqueName()}`, metricsGroup: name, consumer: name };
}
