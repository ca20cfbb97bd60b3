import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';

import { T0 } from '../../domain/testing/books';
import { InMemoryAlertOutbox } from '../../testing/in-memory-alert.outbox';
import { RecordingAlertChannel } from '../../testing/recording-alert.channel';
import { AlertDispatcher } from '../alerts/alert-dispatcher';
import { WhalesMetrics } from '../whales.metrics';
import { DispatchAlertsCommand } from './dispatch-alerts.command';
import { DispatchAlertsHandler } from './dispatch-alerts.handler';

describe('DispatchAlertsHandler', () => {
  let moduleRef: TestingModule;
  let outbox: InMemoryAlertOutbox;
  let telegram: RecordingAlertChannel;
  let discord: RecordingAlertChannel;
  let metrics: WhalesMetrics;

  beforeEach(async () => {
    outbox = new InMemoryAlertOutbox();
    telegram = new RecordingAlertChannel('telegram');
    discord = new RecordingAlertChannel('discord');
    metrics = new WhalesMetrics();
    moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        DispatchAlertsHandler,
        {
          provide: AlertDispatcher,
          useValue: new AlertDispatcher(outbox, [telegram, discord], metrics),
        },
      ],
    }).compile();
    await moduleRef.init();
  });

  afterEach(() => moduleRef.close());

  it('sends the due alerts of every channel once and settles them', async () => {
    outbox.queue('whale-1', 'telegram', { text: 'whale' });
    outbox.queue('whale-1', 'discord', { content: 'whale' });
    const commands = moduleRef.get(CommandBus);

    expect(await commands.execute(new DispatchAlertsCommand(T0))).toEqual({
      sent: 2,
      retried: 0,
      failed: 0,
    });
    expect(await commands.execute(new DispatchAlertsCommand(T0))).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(telegram.sent).toEqual([{ text: 'whale' }]);
    expect(discord.sent).toEqual([{ content: 'whale' }]);
    expect(outbox.statuses()).toEqual(['sent', 'sent']);
    const { values } = await metrics.alerts.get();
    expect(
      values.map(({ labels, value }) => [labels['channel'], labels['outcome'], value]).sort(),
    ).toEqual([
      ['discord', 'sent', 1],
      ['telegram', 'sent', 1],
    ]);
  });
});
