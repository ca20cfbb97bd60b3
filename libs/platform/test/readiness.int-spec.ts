import type { Server } from 'node:http';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import { MessagingModule, StreamsModule } from '@nexwave/messaging';
import { preloadKafkaProtocol } from '@nexwave/messaging/testing';

import { startKafkaTestBroker, type KafkaTestBroker } from '../../../test/support/kafka-broker';
import { ApiErrorsModule } from '../src/errors/api-errors.module';
import { HealthModule } from '../src/health.module';

// An app on the Kafka transport: /health/ready checks Kafka next to the database and the streams,
// and answers 503 naming it once the broker is gone.
describe('readiness with the Kafka transport', () => {
  let database: TestDatabase;
  let broker: KafkaTestBroker;
  let app: INestApplication;

  beforeAll(async () => {
    preloadKafkaProtocol();
    database = await startTestDatabase();
    const dataSource = await database.freshDataSource();
    broker = await startKafkaTestBroker({ port: 0 });

    @Global()
    @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
    class TestDataSourceModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        TestDataSourceModule,
        MessagingModule.forRoot({ transport: 'kafka', group: 'ready', brokers: broker.brokers }),
        StreamsModule.forRoot(),
        ApiErrorsModule,
        HealthModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await broker?.stop().catch(() => undefined);
    await database?.stop();
  });

  const ready = () => request(app.getHttpServer() as Server).get('/health/ready');

  it('is ready while the broker answers, and names kafka once it stops', async () => {
    const up = await ready().expect(200);
    expect(up.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, streams: { status: 'up' }, kafka: { status: 'up' } },
    });

    await broker.stop();

    const down = await ready().expect(503);
    expect(down.body).toMatchObject({
      code: 'UNHEALTHY',
      message: 'unhealthy: kafka down',
      details: { database: 'up', streams: 'up', kafka: 'down' },
    });
  });
});
