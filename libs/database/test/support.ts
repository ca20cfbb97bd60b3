import { EmbeddedTimescaleLogger } from '../src';

/** Resolves once `condition` holds; fails after a generous deadline (a condition, never a fixed sleep). */
export async function pollUntil(
  condition: () => boolean | Promise<boolean>,
  deadlineMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${deadlineMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A logger that records what it is given instead of printing it. */
export function quietLogger(): EmbeddedTimescaleLogger & { errors: string[]; lines: string[] } {
  const errors: string[] = [];
  const lines: string[] = [];
  return {
    errors,
    lines,
    log: (message: unknown) => void lines.push(String(message)),
    error: (message: unknown) => void errors.push(String(message)),
  };
}
