import type { AddressInfo } from 'node:net';
import type { HttpAdapterHost } from '@nestjs/core';

/** The root URL of this app's own HTTP server, on loopback when it listens on every interface; undefined until it listens. */
export function ownHttpServerUrl(host: HttpAdapterHost): string | undefined {
  const server = host.httpAdapter?.getHttpServer() as
    { address?: () => AddressInfo | string | null } | undefined;
  const address = server?.address?.();
  if (!address || typeof address === 'string') {
    return undefined;
  }
  const wildcard = address.address === '::' || address.address === '0.0.0.0';
  const ip = wildcard ? '127.0.0.1' : address.address;
  return `http://${ip.includes(':') ? `[${ip}]` : ip}:${address.port}`;
}
