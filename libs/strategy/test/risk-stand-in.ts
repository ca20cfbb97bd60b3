import { Topics, type Envelope, type RiskCheckReplyV1, type RiskCheckV1 } from '@nexwave/messaging';
import { readGoldenFixture, type InMemoryBroker } from '@nexwave/messaging/testing';

const approval = readGoldenFixture('risk/fixtures/risk-check-reply.v1.json') as RiskCheckReplyV1;

/**
 * Stands in for the risk service on risk.checks.v1 (the strategy context cannot import the risk
 * context): approves every check with the contract's golden reply and keeps the checks it saw.
 */
export function standInRisk(broker: InMemoryBroker): RiskCheckV1[] {
  const checks: RiskCheckV1[] = [];
  broker.respond(Topics.RiskChecks, (record) => {
    const check = (JSON.parse(record.value) as Envelope<RiskCheckV1>).payload;
    checks.push(check);
    return Promise.resolve({ ...approval, clientOrderId: check.clientOrderId });
  });
  return checks;
}
