import { Writable } from 'node:stream';
import { Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';

import { closeWithin } from './shutdown';

@Injectable()
class StuckStore implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return new Promise(() => undefined);
  }
}

@Injectable()
class QuickStore implements OnApplicationShutdown {
  closed = false;

  onApplicationShutdown(): void {
    this.closed = true;
  }
}

function logLines(): { logger: pino.Logger; messages: string[] } {
  const messages: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      messages.push((JSON.parse(chunk.toString()) as { msg: string }).msg);
      done();
    },
  });
  return { logger: pino(stream), messages };
}

describe('closeWithin', () => {
  it('closes an app whose hooks finish', async () => {
    @Module({ providers: [QuickStore] })
    class QuickModule {}
    const app = await NestFactory.createApplicationContext(QuickModule, { logger: false });
    const { logger, messages } = logLines();
    expect(await closeWithin(app, logger, 60_000)).toBe(true);
    expect(app.get(QuickStore).closed).toBe(true);
    expect(messages).toEqual([]);
  });

  it('gives up after the grace period and names the hook still running', async () => {
    @Module({ providers: [StuckStore, QuickStore] })
    class StuckModule {}
    const app = await NestFactory.createApplicationContext(StuckModule, { logger: false });
    const { logger, messages } = logLines();
    expect(await closeWithin(app, logger, 200)).toBe(false);
    expect(messages).toEqual([
      'shutdown did not finish within 0.2 s; still stopping: StuckStore.onApplicationShutdown',
    ]);
  });
});
