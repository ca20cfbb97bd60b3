import type { ChildProcess } from 'node:child_process';

/**
 * Resolves once the child prints `text` on `stream` (a server saying it is ready); rejects with
 * the tail of what it printed if it exits first. The stream keeps flowing afterwards.
 */
export function waitForOutput(
  child: ChildProcess,
  stream: 'stdout' | 'stderr',
  text: string,
): Promise<void> {
  const source = child[stream];
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) {
        source?.off('data', onData);
        source?.resume();
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`${child.spawnfile} exited (${code}): ${output.slice(-500)}`));
    child.once('error', reject);
    child.once('exit', onExit);
    source?.on('data', onData);
  });
}
