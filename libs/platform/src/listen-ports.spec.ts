import { createServer, type Server } from 'node:net';

import { assertPortsFree, describeListenError, StartupError } from './listen-ports';

describe('describeListenError', () => {
  const claims = [
    { variable: 'PORT', host: '127.0.0.1', port: 3000 },
    { variable: 'PACIFICA_SIM_PORT', host: '127.0.0.1', port: 8081 },
  ];
  const listenError = (code: string, port: number) => ({ code, syscall: 'listen', port });

  it.each([
    [
      listenError('EADDRINUSE', 3000),
      'cannot listen on 127.0.0.1:3000: the port is already in use (set PORT)',
    ],
    [
      listenError('EADDRINUSE', 8081),
      'cannot listen on 127.0.0.1:8081: the port is already in use (set PACIFICA_SIM_PORT)',
    ],
    [listenError('EACCES', 3000), 'cannot listen on 127.0.0.1:3000: permission denied (set PORT)'],
    [
      listenError('EADDRNOTAVAIL', 3000),
      'cannot listen on 127.0.0.1:3000: the address is not on this machine (set HOST)',
    ],
  ])('names the variable to change: %j', (error, line) => {
    expect(describeListenError(error, claims)).toBe(line);
  });

  it.each([
    ['another port', listenError('EADDRINUSE', 5432)],
    ['not a listen error', { code: 'ECONNREFUSED', syscall: 'connect', port: 3000 }],
    ['not an error object', undefined],
  ])('leaves %s alone', (_case, error) => {
    expect(describeListenError(error, claims)).toBeUndefined();
  });
});

describe('assertPortsFree', () => {
  let taken: Server;
  let takenPort: number;

  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    takenPort = (taken.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('refuses a taken port with the line naming its variable', async () => {
    const claims = [
      { variable: 'PORT', host: '127.0.0.1', port: 0 },
      { variable: 'PACIFICA_SIM_PORT', host: '127.0.0.1', port: takenPort },
    ];
    const refusal = assertPortsFree(claims);
    await expect(refusal).rejects.toBeInstanceOf(StartupError);
    await expect(refusal).rejects.toThrow(
      `cannot listen on 127.0.0.1:${takenPort}: the port is already in use (set PACIFICA_SIM_PORT)`,
    );
  });

  it('accepts free ports and leaves them free', async () => {
    const claim = { variable: 'PORT', host: '127.0.0.1', port: takenPort };
    await new Promise<void>((resolve) => taken.close(() => resolve()));
    await expect(assertPortsFree([claim])).resolves.toBeUndefined();
    await expect(assertPortsFree([claim])).resolves.toBeUndefined();
    await new Promise<void>((resolve) => taken.listen(takenPort, '127.0.0.1', resolve));
  });
});
