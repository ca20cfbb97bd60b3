import { Test, type TestingModule } from '@nestjs/testing';

import {
  MessageBusPort,
  MessagingModule,
  Topics,
  type Envelope,
  type StrategyCommandReplyV1,
  type StrategyCommandV1,
} from '@nexwave/messaging';
import { InMemoryBroker } from '@nexwave/messaging/testing';

import { StrategyError } from '../../domain/strategy.errors';
import { StrategyApiError } from './strategy-api.errors';
import { StrategyCommandSender } from './strategy-command.sender';

const PAUSED: StrategyCommandReplyV1 = {
  outcome: 'strategy',
  strategyId: 'mr_1',
  state: 'paused',
  pausedReason: 'funding',
  changedBy: 'api-key:abc',
  updatedAt: '2026-01-15T12:00:00.000Z',
};

// The memory transport as the all-in-one app has it; the trading engine is a responder answering
// as scripted.
describe('StrategyCommandSender', () => {
  let module: TestingModule;
  let broker: InMemoryBroker;
  let sender: StrategyCommandSender;
  let received: StrategyCommandV1[];

  function answer(reply: unknown): void {
    broker.respond(Topics.StrategyCommands, (record) => {
      received.push((JSON.parse(record.value) as Envelope<StrategyCommandV1>).payload);
      return Promise.resolve(reply);
    });
  }

  beforeEach(async () => {
    module = await Test.createTestingModule({
      imports: [
        MessagingModule.forRoot({ transport: 'memory', group: 'api', requestTimeoutMs: 200 }),
      ],
    }).compile();
    broker = module.get(InMemoryBroker);
    sender = new StrategyCommandSender(module.get(MessageBusPort));
    received = [];
  });

  afterEach(() => module.close());

  it('sends pause with the reason and who asked, resume without a reason, and returns the reply', async () => {
    answer(PAUSED);
    expect(await sender.pause('mr_1', 'funding', 'api-key:abc')).toEqual(PAUSED);
    await sender.resume('mr_1', null, 'api-key:abc');
    expect(received).toEqual([
      { command: 'pause', strategyId: 'mr_1', reason: 'funding', requestedBy: 'api-key:abc' },
      { command: 'resume', strategyId: 'mr_1', requestedBy: 'api-key:abc' },
    ]);
  });

  it('turns STRATEGY_NOT_FOUND into that StrategyError (404), reason kept', async () => {
    answer({ outcome: 'rejected', code: 'STRATEGY_NOT_FOUND', reason: 'runs mr_2, not mr_1' });
    const refused = sender.pause('mr_1', null, 'api-key:abc');
    await expect(refused).rejects.toBeInstanceOf(StrategyError);
    await expect(refused).rejects.toMatchObject({
      code: 'STRATEGY_NOT_FOUND',
      message: 'runs mr_2, not mr_1',
    });
  });

  it('keeps a refusal code it does not know as COMMAND_REJECTED with the code', async () => {
    answer({ outcome: 'rejected', code: 'ENGINE_BUSY', reason: 'later' });
    const refused = sender.resume('mr_1', null, 'api-key:abc');
    await expect(refused).rejects.toBeInstanceOf(StrategyApiError);
    await expect(refused).rejects.toMatchObject({
      code: 'COMMAND_REJECTED',
      details: { code: 'ENGINE_BUSY' },
    });
  });

  it('answers STRATEGY_UNAVAILABLE when no trading engine responds', async () => {
    await expect(sender.pause('mr_1', null, 'api-key:abc')).rejects.toMatchObject({
      code: 'STRATEGY_UNAVAILABLE',
      details: { command: 'pause', strategyId: 'mr_1' },
    });
  });
});
