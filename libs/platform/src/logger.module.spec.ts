import { Writable } from 'node:stream';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';

import { loggerModule, pinoOptions } from './logger.module';

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
    const logger = pino(pinoOptions({ level: 'info', secrets }), stream);
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
    const logger = pino(pinoOptions({ level: 'info', secrets }), stream);
    logger.info('order 42 filled');
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'order 42 filled', level: 30 });
  });
});

@Controller()
class PingController {
  @Get('ping')
  ping(): string {
    return 'pong';
  }
}

describe('loggerModule request logs', () => {
  const secret = 'SECRET-api-key';
  let app: INestApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function requestLines(level: string): Promise<Record<string, unknown>[]> {
    const { stream, lines } = capture();
    const root = pino(pinoOptions({ level, secrets: [secret] }), stream);
    @Module({ imports: [loggerModule(root)], controllers: [PingController] })
    class PingModule {}
    app = await NestFactory.create(PingModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as { address(): { port: number } }).address();
    const response = await fetch(`http://127.0.0.1:${port}/ping?key=${secret}`, {
      headers: { authorization: `Bearer ${secret}`, 'x-custom': 'header-value' },
    });
    expect(await response.text()).toBe('pong');
    await app.close();
    app = undefined;
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  it('logs nothing per request at info', async () => {
    expect(await requestLines('info')).toEqual([]);
  });

  it('logs method, url, status and duration at debug, without headers or secrets', async () => {
    const [line, ...rest] = await requestLines('debug');
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      level: 20,
      req: { method: 'GET', url: '/ping?key=[REDACTED]' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number) as unknown,
    });
    expect(Object.keys(line['req'] as object).sort()).toEqual(['method', 'url']);
    expect(JSON.stringify(line)).not.toMatch(/header-value|Bearer|headers/);
  });
});
