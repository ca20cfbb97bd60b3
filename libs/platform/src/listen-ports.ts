import { createServer } from 'node:net';

/** A port the app is about to listen on, and the variable that sets it. */
export interface PortClaim {
  variable: string;
  host: string;
  port: number;
}

export class StartupError extends Error {
  override readonly name = 'StartupError';
}

interface ListenError {
  code?: string;
  syscall?: string;
  port?: number;
}

const REASONS: Record<string, string> = {
  EADDRINUSE: 'the port is already in use',
  EACCES: 'permission denied',
  EADDRNOTAVAIL: 'the address is not on this machine',
};

/** One line for a failed listen on a claimed port, e.g. "cannot listen on 127.0.0.1:3000: ... (set PORT)". */
export function describeListenError(
  error: unknown,
  claims: readonly PortClaim[],
): string | undefined {
  const { code, syscall, port } = (error ?? {}) as ListenError;
  const claim = claims.find((candidate) => candidate.port === port);
  if (syscall !== 'listen' || code === undefined || !claim) {
    return undefined;
  }
  const reason = REASONS[code] ?? code;
  const hint = code === 'EADDRNOTAVAIL' ? 'HOST' : claim.variable;
  return `cannot listen on ${claim.host}:${claim.port}: ${reason} (set ${hint})`;
}

/**
 * Fails fast, before the database start, when a fixed port is taken; port 0 is always free. The
 * real listen may still lose a race: its error is described the same way.
 */
export async function assertPortsFree(claims: readonly PortClaim[]): Promise<void> {
  for (const claim of claims.filter((candidate) => candidate.port !== 0)) {
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', (error) =>
        reject(new StartupError(describeListenError(error, [claim]) ?? String(error))),
      );
      probe.listen(claim.port, claim.host, () => probe.close(() => resolve()));
    });
  }
}
