import { deadLetterEnvelope, deadLetterV1Schema } from './dead-letter';

const input = {
  topic: 'orders.requests.v1',
  consumer: 'risk',
  stage: 'handler' as const,
  reason: 'DomainError [RISK_LIMIT]: too big',
  attempts: 1,
  raw: '{"id":"m1"}',
  key: 'cid-1',
};

describe('deadLetterEnvelope', () => {
  it('addresses <topic>.dlq with everything needed to inspect and replay the original', () => {
    const { topic, envelope } = deadLetterEnvelope({
      ...input,
      original: { id: 'm1', correlationId: 'chain-1' },
    });

    expect(topic).toBe('orders.requests.v1.dlq');
    expect(envelope).toMatchObject({
      type: 'dead-letter',
      v: 1,
      key: 'cid-1',
      correlationId: 'chain-1',
      causationId: 'm1',
      payload: {
        topic: 'orders.requests.v1',
        consumer: 'risk',
        stage: 'handler',
        reason: 'DomainError [RISK_LIMIT]: too big',
        attempts: 1,
        messageId: 'm1',
        raw: '{"id":"m1"}',
      },
    });
    expect(deadLetterV1Schema.parse(envelope.payload)).toEqual(envelope.payload);
  });

  it('keys an unkeyed, unparsed original by its topic and starts a new chain', () => {
    const { envelope } = deadLetterEnvelope({ ...input, stage: 'envelope', key: null });

    expect(envelope.key).toBe('orders.requests.v1');
    expect(envelope.correlationId).toBe(envelope.id);
    expect(envelope.causationId).toBeNull();
    expect(envelope.payload.messageId).toBeNull();
  });

  it('accepts only the three stages, a topic and consumer, and a whole non-negative attempt count', () => {
    const payload = { ...input, messageId: null };
    expect(deadLetterV1Schema.safeParse(payload).success).toBe(true);
    for (const broken of [
      { stage: 'transport' },
      { topic: '' },
      { consumer: '' },
      { attempts: -1 },
      { attempts: 1.5 },
      { reason: 1 },
      { raw: undefined },
      { messageId: undefined },
    ]) {
      expect(deadLetterV1Schema.safeParse({ ...payload, ...broken }).success).toBe(false);
    }
  });
});
