import { Test, type TestingModule } from '@nestjs/testing';

import {
  MessageBusPort,
  MessagingModule,
  Topics,
  type Envelope,
  type RiskCheckReplyV1,
  type RiskCheckV1,
} from '@nexwave/messaging';
import { InMemoryBroker, readGoldenFixture } from '@nexwave/messaging/testing';

import { RiskCheckSender } from './risk-check.sender';

const check = (readGoldenFixture('risk/fixtures/risk-check.v1.json') as Envelope<RiskCheckV1>)
  .payload;
const rejected = readGoldenFixture(
  'risk/fixtures/risk-check-reply.rejected.v1.json',
) as RiskCheckReplyV1;

// The memory transport as the all-in-one app has it; the risk service is a scripted responder.
describe('RiskCheckSender', () => {
  let module: TestingModule;
  let broker: InMemoryBroker;
  let sender: RiskCheckSender;

  beforeEach(async () => {
    module = await Test.createTestingModule({
      imports: [
        MessagingModule.forRoot({ transport: 'memory', group: 'strategy', requestTimeoutMs: 200 }),
      ],
    }).compile();
    broker = module.get(InMemoryBroker);
    sender = new RiskCheckSender(module.get(MessageBusPort));
  });

  afterEach(() => module.close());

  it('sends the check keyed by clientOrderId and returns the decision', async () => {
    const keys: (string | null)[] = [];
    broker.respond(Topics.RiskChecks, (record) => {
      keys.push(record.key);
      return Promise.resolve(rejected);
    });

    await expect(sender.check(check)).resolves.toEqual(rejected);
    expect(keys).toEqual([check.clientOrderId]);
  });

  it('turns no answer into RISK_UNAVAILABLE, never an approval', async () => {
    await expect(sender.check(check)).rejects.toMatchObject({
      code: 'RISK_UNAVAILABLE',
      details: { clientOrderId: check.clientOrderId },
    });
  });
});
