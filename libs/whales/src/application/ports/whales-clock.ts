/** The Clock (from @nexwave/core) the whale services read; tests override it to move time. */
export const WHALES_CLOCK = Symbol('WHALES_CLOCK');
