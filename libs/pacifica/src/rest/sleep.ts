import { sleep } from '@nexwave/core';

/** Injected wherever the client waits, so tests drive time without sleeping. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = async (ms) => {
  await sleep(ms);
};
