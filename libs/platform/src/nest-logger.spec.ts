import { Writable } from 'node:stream';
import pino from 'pino';

import { nestLineLevel, NestLogger } from './nest-logger';

describe('NestLogger', () => {
  it.each([
    ['InstanceLoader', 'debug'],
    ['RoutesResolver', 'debug'],
    ['RouterExplorer', 'debug'],
    ['NestFactory', 'debug'],
    ['MarketDataIngestion', 'info'],
    [undefined, 'info'],
  ])('shows %s lines at %s', (context, level) => {
    expect(nestLineLevel(context)).toBe(level);
  });

  it('writes wiring and start-up errors at debug, the rest as logged', () => {
    const lines: { level: number; context?: string; msg: string }[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
        done();
      },
    });
    const logger = new NestLogger(pino({ level: 'debug' }, stream));
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Ingesting 4 markets', 'MarketDataIngestion');
    logger.error('listen EADDRINUSE', 'NestApplication');
    logger.error('writer failed', 'TickWriter');
    expect(lines.map(({ level, context }) => [context, level])).toEqual([
      ['InstanceLoader', 20],
      ['MarketDataIngestion', 30],
      ['NestApplication', 20],
      ['TickWriter', 50],
    ]);
  });

  it('writes to its own root logger, not to the first one of the process', () => {
    const outputs: string[][] = [[], []];
    const [first, second] = outputs.map(
      (lines) =>
        new NestLogger(
          pino(
            new Writable({
              write(chunk: Buffer, _encoding, done) {
                lines.push((JSON.parse(chunk.toString()) as { msg: string }).msg);
                done();
              },
            }),
          ),
        ),
    );
    first?.log('to the first', 'AppA');
    second?.log('to the second', 'AppB');
    expect(outputs).toEqual([['to the first'], ['to the second']]);
  });
});
