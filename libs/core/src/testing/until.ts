export interface UntilOptions {
  /** Generous by default: tests run on busy 2-core machines. */
  timeoutMs?: number;
  intervalMs?: number;
}

/** Polls `condition` until it holds; fails naming `what` once `timeoutMs` has passed. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  { timeoutMs = 30_000, intervalMs = 10 }: UntilOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
