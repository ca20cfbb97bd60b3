import type { ChildProcess } from 'node:child_process';

const STDERR_TAIL_CHARS = 2_000;

/** Keeps the last 2,000 characters a child wrote to stderr, to quote when it fails. */
export function collectStderrTail(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-STDERR_TAIL_CHARS);
  });
  return () => tail.trim();
}
