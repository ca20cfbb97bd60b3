import { SingleBar } from 'cli-progress';

export interface ProgressBar {
  start(total: number): void;
  advance(done: number): void;
  stop(): void;
}

/** A bar on a terminal (stderr, so that --json keeps stdout to its one object); nothing otherwise. */
export function progressBar(format: string): ProgressBar {
  if (!process.stderr.isTTY) {
    return { start: () => undefined, advance: () => undefined, stop: () => undefined };
  }
  const bar = new SingleBar({ format, hideCursor: true, stream: process.stderr });
  return {
    start: (total) => bar.start(total, 0),
    advance: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
