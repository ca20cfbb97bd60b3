import { Logger, LoggerService } from '@nestjs/common';

import { backoffDelay, sleep } from '@nexwave/core';

import { contractFor } from '../contracts/registry';
import { describeIssues } from '../contracts/validation';
import { deadLetterEnvelope, DeadLetterStage } from '../dead-letter';
import { Envelope, envelopeSchema } from '../envelope';
import { InboxPort } from '../inbox/inbox.port';
import { MessagingMetrics } from '../messaging-metrics';
import { rawText, TransportRecord } from '../transport-record';
import { classifyFailure } from './handler-failure';
import { MessageContext } from './message-context';
import { RetryPolicy } from './retry-policy';

/** A received message before parsing: the value may be text, bytes or an object. */
export interface ReceivedRecord {
  key: string | null;
  value: unknown;
}

/** Sends a dead letter; a transport that cannot must throw, so the original is not committed. */
export type DeadLetterSink = (topic: string, record: TransportRecord) => Promise<void>;

export type Invoke = (payload: unknown, context: MessageContext) => Promise<unknown>;

/** One handler of a topic; `consumer` names it in the inbox and in dead letters. */
export interface EventConsumer {
  consumer: string;
  invoke: Invoke;
  /** See HandlerExtras.idempotentBy; `natural-key` handlers run without the inbox. */
  idempotentBy?: 'inbox' | 'natural-key';
}

export type ParseResult =
  | { ok: true; envelope: Envelope; payload: unknown }
  | { ok: false; stage: Exclude<DeadLetterStage, 'handler'>; reason: string; envelope?: Envelope };

export type RequestOutcome = { ok: true; reply: unknown } | { ok: false; reason: string };

/** done: handled, deduplicated or dead-lettered; abandoned: a retry was cut short by closing, so redeliver it. */
export type DeliveryOutcome = 'done' | 'abandoned';

export interface ConsumerPipelineDeps {
  inbox: InboxPort;
  deadLetters: DeadLetterSink;
  metrics: MessagingMetrics;
  retry: RetryPolicy;
  logger?: LoggerService;
}

/**
 * What every consumer does with a message, whatever the transport: parse the envelope and the
 * payload with zod (invalid -> `<topic>.dlq`), run each handler once per message id (inbox),
 * retry retriable errors with backoff, dead-letter the rest. Message faults never throw.
 */
export class ConsumerPipeline {
  private readonly logger: LoggerService;

  constructor(private readonly deps: ConsumerPipelineDeps) {
    this.logger = deps.logger ?? new Logger(ConsumerPipeline.name);
  }

  parse(topic: string, record: ReceivedRecord): ParseResult {
    return parseMessage(topic, record);
  }

  /**
   * Handles one event for every consumer of the topic; resolves when all are done or dead-lettered,
   * or 'abandoned' when closing cut a retry short. Rejects only when a dead letter could not be sent.
   */
  async consumeEvent(
    topic: string,
    record: ReceivedRecord,
    group: string,
    consumers: readonly EventConsumer[],
    signal?: AbortSignal,
  ): Promise<DeliveryOutcome> {
    const parsed = this.parse(topic, record);
    if (!parsed.ok) {
      await this.reject(topic, record, group, parsed);
      return 'done';
    }
    const outcomes = await Promise.all(
      consumers.map((consumer) => this.deliver(topic, record, parsed, consumer, signal)),
    );
    return outcomes.includes('abandoned') ? 'abandoned' : 'done';
  }

  /** Request/reply: no retries (the requester decides), failures are returned to the requester. */
  async answerRequest(
    topic: string,
    record: ReceivedRecord,
    group: string,
    invoke: Invoke,
  ): Promise<RequestOutcome> {
    const parsed = this.parse(topic, record);
    if (!parsed.ok) {
      await this.reject(topic, record, group, parsed);
      return { ok: false, reason: `invalid request: ${parsed.reason}` };
    }
    try {
      const context = new MessageContext([parsed.envelope, topic, 1, undefined]);
      return { ok: true, reply: await invoke(parsed.payload, context) };
    } catch (error) {
      return { ok: false, reason: classifyFailure(error).reason };
    }
  }

  private async deliver(
    topic: string,
    record: ReceivedRecord,
    { envelope, payload }: { envelope: Envelope; payload: unknown },
    { consumer, invoke, idempotentBy }: EventConsumer,
    signal?: AbortSignal,
  ): Promise<DeliveryOutcome> {
    const { inbox, metrics, retry } = this.deps;
    for (let attempt = 1; ; attempt++) {
      try {
        const work = (transaction: unknown) =>
          invoke(payload, new MessageContext([envelope, topic, attempt, transaction]));
        const outcome =
          idempotentBy === 'natural-key'
            ? await work(undefined).then(() => 'handled' as const)
            : await inbox.runOnce(consumer, envelope.id, async (transaction) => {
                await work(transaction);
              });
        if (outcome === 'duplicate') {
          metrics.duplicates.inc({ topic, consumer });
        }
        return 'done';
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.retriable && attempt < retry.maxAttempts) {
          metrics.retries.inc({ topic, consumer });
          this.logger.warn(
            `${consumer} retries ${topic} ${envelope.id} (attempt ${attempt}): ${failure.reason}`,
          );
          // Attempts count from 1: the wait before attempt 2 is the base delay.
          if (!(await sleep(backoffDelay(attempt - 1, retry), signal))) {
            return 'abandoned';
          }
          continue;
        }
        await this.deadLetter(
          topic,
          record,
          consumer,
          'handler',
          failure.reason,
          attempt,
          envelope,
        );
        return 'done';
      }
    }
  }

  private async reject(
    topic: string,
    record: ReceivedRecord,
    group: string,
    failure: Extract<ParseResult, { ok: false }>,
  ): Promise<void> {
    await this.deadLetter(topic, record, group, failure.stage, failure.reason, 0, failure.envelope);
  }

  private async deadLetter(
    topic: string,
    record: ReceivedRecord,
    consumer: string,
    stage: DeadLetterStage,
    reason: string,
    attempts: number,
    original?: Envelope,
  ): Promise<void> {
    const { topic: dlq, envelope } = deadLetterEnvelope({
      topic,
      consumer,
      stage,
      reason,
      attempts,
      raw: rawText(record.value),
      key: record.key,
      original,
    });
    this.logger.error(
      `${consumer} dead-letters ${topic} ${original?.id ?? '(unparsed)'} at ${stage}: ${reason}`,
    );
    await this.deps.deadLetters(dlq, { key: envelope.key, value: JSON.stringify(envelope) });
    this.deps.metrics.deadLetters.inc({ topic, consumer, stage });
  }
}

/** Parses a received record's envelope and payload against its topic's contract. */
export function parseMessage(topic: string, record: ReceivedRecord): ParseResult {
  const contract = contractFor(topic);
  if (!contract) {
    return { ok: false, stage: 'envelope', reason: `no contract for topic ${topic}` };
  }
  let value = record.value;
  if (typeof value === 'string' || Buffer.isBuffer(value)) {
    try {
      value = JSON.parse(rawText(value)) as unknown;
    } catch (error) {
      return { ok: false, stage: 'envelope', reason: `not JSON: ${(error as Error).message}` };
    }
  }
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    return { ok: false, stage: 'envelope', reason: describeIssues(envelope.error) };
  }
  const { type, v } = envelope.data;
  if (type !== contract.type || v !== contract.v) {
    const reason = `a ${type} v${v} message does not belong on ${topic}`;
    return { ok: false, stage: 'envelope', reason, envelope: envelope.data };
  }
  const payload = contract.schema.safeParse(envelope.data.payload);
  if (!payload.success) {
    return {
      ok: false,
      stage: 'payload',
      reason: describeIssues(payload.error),
      envelope: envelope.data,
    };
  }
  return { ok: true, envelope: envelope.data, payload: payload.data };
}
