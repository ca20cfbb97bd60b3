import { Writable } from 'node:stream';
import pino from 'pino';

import { pinoOptions } from './logger.module';

function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { stream, lines };
}

describe('pinoOptions', () => {
  const secrets = ['123456:bot-token', 'postgres://user:pw@db:5432/nexwave'];

  it('scrubs secret values from messages, objects and errors', () => {
    const { stream, lines } = capture();
    const logger = pino(pinoOptions({ level: 'info', pretty: false, secrets }), stream);
    logger.info(`calling https://api.telegram.org/bot${secrets[0]}/sendMessage`);
    logger.info({ config: { databaseUrl: secrets[1] } }, 'config');
    logger.error(new Error(`connect failed: ${secrets[1]}`));
    const output = lines.join('');
    expect(lines).toHaveLength(3);
    expect(output).not.toContain('bot-token');
    expect(output).not.toContain('user:pw');
    expect(lines.every((line) => line.includes('[REDACTED]'))).toBe(true);
  });

  it('keeps other text intact', () => {
    const { stream, lines } = capture();
    const logger = pino(pinoOptions({ level: 'info', pretty: false, secrets }), stream);
    logger.info('order 42 filled');
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'order 42 filled', level: 30 });
  });
});
