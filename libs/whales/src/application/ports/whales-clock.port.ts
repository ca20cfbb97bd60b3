import type { Clock } from '@nexwave/core';

/** The clock the whale services read (the system clock); tests override it to move time. */
export abstract class WhalesClockPort implements Clock {
  abstract now(): Date;
}
