import { LoggerService } from '@nestjs/common';

import { DomainError } from '@nexwave/core';

import { DeadLetterV1 } from '../dead-letter';
import { createEnvelope, Envelope } from '../envelope';
import { InMemoryInboxAdapter } from '../inbox/in-memory-inbox.adapter';
import { InboxOutcome, InboxPort, InboxWork } from '../inbox/inbox.port';
import { MessagingMetrics } from '../messaging-metrics';
import { RetriableError } from '../messaging.errors';
import { Topics } from '../topics';
import { TransportRecord } from '../transport-record';
import { ConsumerPipeline, EventConsumer, parseMessage, ReceivedRecord } from './consumer-pipeline';
import { MessageContext } from './message-context';
import { RetryPolicy } from './retry-policy';

const TOPIC = Topics.MarketDataTrades;
const trade = {
  symbol: 'ETH',
  tradeId: '1039482771',
  price: '3321.45',
  size: '1.2034',
  side: 'ask',
  time: '2026-01-15T11:59:59.871Z',
};

function tradeEnvelope(overrides: Partial<Envelope> = {}): Envelope {
  return {
    ...createEnvelope({ type: 'marketdata.trades', v: 1, key: 'ETH', payload: trade }),
    ...overrides,
  };
}

function recordOf(envelope: unknown, key: string | null = 'ETH'): ReceivedRecord {
  return { key, value: JSON.stringify(envelope) };
}

/** The inbox's transaction is a token here, so a test can tell whether a handler ran inside it. */
class TokenInbox extends InboxPort {
  readonly inner = new InMemoryInboxAdapter();

  runOnce(consumer: string, messageId: string, work: InboxWork): Promise<InboxOutcome> {
    return this.inner.runOnce(consumer, messageId, () => work('inbox transaction'));
  }
}

class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: string): void {
    this.lines.push(`log ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}

interface Harness {
  pipeline: ConsumerPipeline;
  metrics: MessagingMetrics;
  logger: RecordingLogger;
  deadLetters: { topic: string; record: TransportRecord }[];
}

const FAST_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 };

function harness(
  retry: RetryPolicy = FAST_RETRY,
  sink?: (topic: string, record: TransportRecord) => Promise<void>,
): Harness {
  const metrics = new MessagingMetrics();
  const logger = new RecordingLogger();
  const deadLetters: Harness['deadLetters'] = [];
  const pipeline = new ConsumerPipeline({
    inbox: new TokenInbox(),
    metrics,
    retry,
    logger,
    deadLetters:
      sink ??
      ((topic, record) => {
        deadLetters.push({ topic, record });
        return Promise.resolve();
      }),
  });
  return { pipeline, metrics, logger, deadLetters };
}

function deadLetterOf({ record }: { record: TransportRecord }): Envelope<DeadLetterV1> {
  return JSON.parse(record.value) as Envelope<DeadLetterV1>;
}

async function counted(
  counter: MessagingMetrics['retries'] | MessagingMetrics['deadLetters'],
): Promise<{ labels: object; value: number }[]> {
  const { values } = await counter.get();
  return values.map(({ labels, value }) => ({ labels, value }));
}

interface Call {
  payload: unknown;
  envelope: Envelope;
  topic: string;
  attempt: number;
  transaction: unknown;
}

/** A handler that records each call and then runs `behaviour` for that attempt. */
function recordingConsumer(
  consumer: string,
  behaviour: (call: Call) => unknown = () => undefined,
  idempotentBy?: EventConsumer['idempotentBy'],
): EventConsumer & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    consumer,
    idempotentBy,
    calls,
    invoke: (payload: unknown, context: MessageContext) => {
      const call = {
        payload,
        envelope: context.getEnvelope(),
        topic: context.getTopic(),
        attempt: context.getAttempt(),
        transaction: context.getTransaction(),
      };
      calls.push(call);
      return Promise.resolve().then(() => behaviour(call));
    },
  };
}

describe('parseMessage', () => {
  it('parses an envelope sent as JSON text, as bytes or as an object', () => {
    const envelope = tradeEnvelope();
    for (const value of [
      JSON.stringify(envelope),
      Buffer.from(JSON.stringify(envelope)),
      envelope,
    ]) {
      expect(parseMessage(TOPIC, { key: 'ETH', value })).toEqual({
        ok: true,
        envelope,
        payload: trade,
      });
    }
  });

  it('hands on the payload as the contract parsed it (unknown fields dropped)', () => {
    const parsed = parseMessage(TOPIC, recordOf(tradeEnvelope({ payload: { ...trade, x: 1 } })));
    expect(parsed).toMatchObject({ ok: true, payload: trade });
  });

  it('rejects a topic without a contract at the envelope stage', () => {
    expect(parseMessage('nowhere.v1', recordOf(tradeEnvelope()))).toEqual({
      ok: false,
      stage: 'envelope',
      reason: 'no contract for topic nowhere.v1',
    });
  });

  it('rejects text and bytes that are not JSON, naming the parse error', () => {
    for (const value of ['{not json', Buffer.from('{not json')]) {
      const parsed = parseMessage(TOPIC, { key: null, value });
      expect(parsed).toMatchObject({ ok: false, stage: 'envelope' });
      expect(parsed.ok || parsed.reason).toMatch(/^not JSON: .*JSON/);
    }
  });

  it('rejects a value that is not an envelope, naming the field', () => {
    const { id: _id, ...withoutId } = tradeEnvelope();
    const parsed = parseMessage(TOPIC, recordOf(withoutId));
    expect(parsed).toMatchObject({ ok: false, stage: 'envelope' });
    expect(parsed.ok || parsed.reason).toContain('id');
    expect(parsed).not.toHaveProperty('envelope');
  });

  it('rejects a message of another type or version, keeping its envelope for the dead letter', () => {
    const otherType = tradeEnvelope({ type: 'orders.events' });
    expect(parseMessage(TOPIC, recordOf(otherType))).toEqual({
      ok: false,
      stage: 'envelope',
      reason: `a orders.events v1 message does not belong on ${TOPIC}`,
      envelope: otherType,
    });
    const otherVersion = tradeEnvelope({ v: 2 });
    expect(parseMessage(TOPIC, recordOf(otherVersion))).toEqual({
      ok: false,
      stage: 'envelope',
      reason: `a marketdata.trades v2 message does not belong on ${TOPIC}`,
      envelope: otherVersion,
    });
  });

  it('rejects a payload that breaks the contract at the payload stage, with the envelope', () => {
    const envelope = tradeEnvelope({ payload: { ...trade, price: '-1' } });
    const parsed = parseMessage(TOPIC, recordOf(envelope));
    expect(parsed).toMatchObject({ ok: false, stage: 'payload', envelope });
    expect(parsed.ok || parsed.reason).toContain('price');
  });
});

describe('ConsumerPipeline.consumeEvent', () => {
  it('runs each consumer once with the payload and a context of envelope, topic, attempt 1 and the inbox transaction', async () => {
    const { pipeline, deadLetters } = harness();
    const envelope = tradeEnvelope();
    const first = recordingConsumer('first');
    const second = recordingConsumer('second');

    await expect(
      pipeline.consumeEvent(TOPIC, recordOf(envelope), 'app', [first, second]),
    ).resolves.toBe('done');

    for (const consumer of [first, second]) {
      expect(consumer.calls).toEqual([
        { payload: trade, envelope, topic: TOPIC, attempt: 1, transaction: 'inbox transaction' },
      ]);
    }
    expect(deadLetters).toEqual([]);
  });

  it('skips a message id a consumer already handled and counts the duplicate', async () => {
    const { pipeline, metrics } = harness();
    const record = recordOf(tradeEnvelope());
    const consumer = recordingConsumer('risk');

    await pipeline.consumeEvent(TOPIC, record, 'app', [consumer]);
    await expect(pipeline.consumeEvent(TOPIC, record, 'app', [consumer])).resolves.toBe('done');

    expect(consumer.calls).toHaveLength(1);
    expect(await counted(metrics.duplicates)).toEqual([
      { labels: { topic: TOPIC, consumer: 'risk' }, value: 1 },
    ]);
  });

  it('runs a natural-key consumer outside the inbox: no transaction, every delivery handled', async () => {
    const { pipeline, metrics } = harness();
    const record = recordOf(tradeEnvelope());
    const consumer = recordingConsumer('orders', undefined, 'natural-key');

    await pipeline.consumeEvent(TOPIC, record, 'app', [consumer]);
    await pipeline.consumeEvent(TOPIC, record, 'app', [consumer]);

    expect(consumer.calls.map((call) => call.transaction)).toEqual([undefined, undefined]);
    expect(await counted(metrics.duplicates)).toEqual([]);
  });

  it('dead-letters an unparsable message once, under the group, without running any consumer', async () => {
    const { pipeline, deadLetters, metrics, logger } = harness();
    const consumer = recordingConsumer('risk');

    await expect(
      pipeline.consumeEvent(TOPIC, { key: 'ETH', value: '{not json' }, 'app', [consumer]),
    ).resolves.toBe('done');

    expect(consumer.calls).toEqual([]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].topic).toBe(`${TOPIC}.dlq`);
    expect(deadLetters[0].record.key).toBe('ETH');
    const letter = deadLetterOf(deadLetters[0]);
    expect(letter.key).toBe('ETH');
    expect(letter.causationId).toBeNull();
    expect(letter.payload).toMatchObject({
      topic: TOPIC,
      consumer: 'app',
      stage: 'envelope',
      attempts: 0,
      messageId: null,
      raw: '{not json',
    });
    expect(letter.payload.reason).toMatch(/^not JSON: /);
    expect(await counted(metrics.deadLetters)).toEqual([
      { labels: { topic: TOPIC, consumer: 'app', stage: 'envelope' }, value: 1 },
    ]);
    expect(logger.lines).toEqual([
      expect.stringMatching(
        /^error app dead-letters marketdata\.trades\.v1 \(unparsed\) at envelope: not JSON: /,
      ),
    ]);
  });

  it('dead-letters a payload that breaks the contract, linked to the original message', async () => {
    const { pipeline, deadLetters } = harness();
    const envelope = tradeEnvelope({ payload: { ...trade, size: '0' } });

    await pipeline.consumeEvent(TOPIC, recordOf(envelope, null), 'app', [
      recordingConsumer('risk'),
    ]);

    const letter = deadLetterOf(deadLetters[0]);
    expect(deadLetters[0].record.key).toBe(TOPIC);
    expect(letter.correlationId).toBe(envelope.correlationId);
    expect(letter.causationId).toBe(envelope.id);
    expect(letter.payload).toMatchObject({ stage: 'payload', messageId: envelope.id, attempts: 0 });
  });

  it('retries a retriable failure with the attempt counted, then handles it', async () => {
    const { pipeline, deadLetters, metrics, logger } = harness();
    const envelope = tradeEnvelope();
    const consumer = recordingConsumer('risk', ({ attempt }) => {
      if (attempt < 3) {
        throw new RetriableError('db down');
      }
    });

    await expect(pipeline.consumeEvent(TOPIC, recordOf(envelope), 'app', [consumer])).resolves.toBe(
      'done',
    );

    expect(consumer.calls.map((call) => call.attempt)).toEqual([1, 2, 3]);
    expect(deadLetters).toEqual([]);
    expect(await counted(metrics.retries)).toEqual([
      { labels: { topic: TOPIC, consumer: 'risk' }, value: 2 },
    ]);
    expect(logger.lines).toEqual([
      `warn risk retries ${TOPIC} ${envelope.id} (attempt 1): RetriableError: db down`,
      `warn risk retries ${TOPIC} ${envelope.id} (attempt 2): RetriableError: db down`,
    ]);
  });

  it('dead-letters a retriable failure after the last attempt, with the attempt count', async () => {
    const { pipeline, deadLetters, metrics, logger } = harness();
    const envelope = tradeEnvelope();
    const consumer = recordingConsumer('risk', () => {
      throw new RetriableError('db down');
    });

    await pipeline.consumeEvent(TOPIC, recordOf(envelope), 'app', [consumer]);

    expect(consumer.calls).toHaveLength(FAST_RETRY.maxAttempts);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetterOf(deadLetters[0]).payload).toEqual({
      topic: TOPIC,
      consumer: 'risk',
      stage: 'handler',
      reason: 'RetriableError: db down',
      attempts: 3,
      messageId: envelope.id,
      raw: JSON.stringify(envelope),
    });
    expect(await counted(metrics.retries)).toEqual([
      { labels: { topic: TOPIC, consumer: 'risk' }, value: 2 },
    ]);
    expect(await counted(metrics.deadLetters)).toEqual([
      { labels: { topic: TOPIC, consumer: 'risk', stage: 'handler' }, value: 1 },
    ]);
    expect(logger.lines.at(-1)).toBe(
      `error risk dead-letters ${TOPIC} ${envelope.id} at handler: RetriableError: db down`,
    );
  });

  it('dead-letters a failure that is not retriable at once; the other consumers are unaffected', async () => {
    const { pipeline, deadLetters, metrics } = harness();
    const failing = recordingConsumer('risk', () => {
      throw new DomainError('RISK_LIMIT', 'too big');
    });
    const healthy = recordingConsumer('audit');

    await pipeline.consumeEvent(TOPIC, recordOf(tradeEnvelope()), 'app', [failing, healthy]);

    expect(failing.calls).toHaveLength(1);
    expect(healthy.calls).toHaveLength(1);
    expect(deadLetters.map((letter) => deadLetterOf(letter).payload)).toMatchObject([
      {
        consumer: 'risk',
        stage: 'handler',
        attempts: 1,
        reason: 'DomainError [RISK_LIMIT]: too big',
      },
    ]);
    expect(await counted(metrics.retries)).toEqual([]);
  });

  it('waits the base delay before attempt 2 and twice that before attempt 3', async () => {
    jest.useFakeTimers();
    try {
      const { pipeline } = harness({ maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 });
      const consumer = recordingConsumer('risk', ({ attempt }) => {
        if (attempt < 3) {
          throw new RetriableError('db down');
        }
      });
      const done = pipeline.consumeEvent(TOPIC, recordOf(tradeEnvelope()), 'app', [consumer]);

      await jest.advanceTimersByTimeAsync(999);
      expect(consumer.calls).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(consumer.calls).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(1_999);
      expect(consumer.calls).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(1);
      expect(consumer.calls).toHaveLength(3);
      await expect(done).resolves.toBe('done');
    } finally {
      jest.useRealTimers();
    }
  });

  it('abandons a delivery whose retry wait is cut short by closing: no dead letter, so it is redelivered', async () => {
    const { pipeline, deadLetters } = harness({
      maxAttempts: 5,
      baseDelayMs: 60_000,
      maxDelayMs: 60_000,
    });
    const closing = new AbortController();
    const failing = recordingConsumer('risk', () => {
      throw new RetriableError('db down');
    });
    const healthy = recordingConsumer('audit');

    const outcome = pipeline.consumeEvent(
      TOPIC,
      recordOf(tradeEnvelope()),
      'app',
      [healthy, failing],
      closing.signal,
    );
    await Promise.resolve().then(() => new Promise((resolve) => setImmediate(resolve)));
    closing.abort();

    await expect(outcome).resolves.toBe('abandoned');
    expect(failing.calls).toHaveLength(1);
    expect(deadLetters).toEqual([]);
  });

  it('rejects when the dead letter cannot be sent, counting no dead letter', async () => {
    const { pipeline, metrics } = harness(FAST_RETRY, () =>
      Promise.reject(new Error('broker down')),
    );

    await expect(
      pipeline.consumeEvent(TOPIC, { key: null, value: 'nope' }, 'app', []),
    ).rejects.toThrow('broker down');
    expect(await counted(metrics.deadLetters)).toEqual([]);
  });
});

describe('ConsumerPipeline.answerRequest', () => {
  const request = () =>
    recordOf(
      createEnvelope({
        type: 'risk.checks',
        v: 1,
        key: 'strategy-1',
        payload: { nonsense: true },
      }),
    );

  it('answers with the handler reply, its context on attempt 1', async () => {
    const { pipeline } = harness();
    const envelope = tradeEnvelope();
    const responder = recordingConsumer('responder', () => 'reply');

    await expect(
      pipeline.answerRequest(TOPIC, recordOf(envelope), 'app', responder.invoke),
    ).resolves.toEqual({ ok: true, reply: 'reply' });
    expect(responder.calls).toEqual([
      { payload: trade, envelope, topic: TOPIC, attempt: 1, transaction: undefined },
    ]);
  });

  it('returns a failure once, without retrying or dead-lettering, even when it is retriable', async () => {
    const { pipeline, deadLetters } = harness();
    const responder = recordingConsumer('responder', () => {
      throw new RetriableError('db down');
    });

    await expect(
      pipeline.answerRequest(TOPIC, recordOf(tradeEnvelope()), 'app', responder.invoke),
    ).resolves.toEqual({ ok: false, reason: 'RetriableError: db down' });
    expect(responder.calls).toHaveLength(1);
    expect(deadLetters).toEqual([]);
  });

  it('dead-letters an invalid request under the group and tells the requester why', async () => {
    const { pipeline, deadLetters } = harness();
    const responder = recordingConsumer('responder');

    const outcome = await pipeline.answerRequest(
      Topics.RiskChecks,
      request(),
      'app',
      responder.invoke,
    );

    expect(outcome.ok).toBe(false);
    expect(outcome.ok || outcome.reason).toMatch(/^invalid request: ./);
    expect(responder.calls).toEqual([]);
    expect(deadLetters.map((letter) => deadLetterOf(letter).payload)).toMatchObject([
      { consumer: 'app', stage: 'payload', attempts: 0 },
    ]);
  });
});
