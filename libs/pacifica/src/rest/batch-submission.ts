import type { Clock } from '@nexwave/core';

import { batchResultSchema, type BatchActionResult } from '../api/orders.schema';
import {
  ExchangeResponseInvalidError,
  ExchangeUnavailableError,
  isRetryableExchangeError,
} from '../pacifica.errors';
import type { RequestSigner } from '../signing/request-signer';
import type { JsonObject } from '../signing/signing-message';
import { clientOrderIdOf, isIdempotent, signBatch, type PreparedBatchAction } from './order-batch';
import { retryDelay, type RetryPolicy } from './retry-policy';
import type { Sleep } from './sleep';

export const BATCH_PATH = '/orders/batch';

export interface BatchSubmissionContext {
  signer: RequestSigner;
  policy: RetryPolicy;
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  /** Sends the signed body; resolves with the envelope's `data`. */
  post(body: JsonObject): Promise<unknown>;
  findOrderByClientOrderId(clientOrderId: string): Promise<{ orderId: number } | null>;
}

/**
 * Sends prepared actions as one batch. Only a batch of idempotent actions is retried after a
 * retryable failure; after a 5xx or timeout the lost request's expiry window is waited out, creates
 * already placed (found by client_order_id) are reported `recovered`, and only the rest is resent,
 * where a cancel answering "Order not found" counts as done by the lost request.
 */
export async function submitBatch(
  context: BatchSubmissionContext,
  actions: readonly PreparedBatchAction[],
): Promise<BatchActionResult[]> {
  const results: (BatchActionResult | undefined)[] = actions.map(() => undefined);
  const retryable = actions.every(isIdempotent);
  for (let attempt = 0; ; attempt++) {
    const pending = [...actions.keys()].filter((index) => !results[index]);
    if (pending.length === 0) {
      return results as BatchActionResult[];
    }
    const sentAt = context.clock.now().getTime();
    try {
      const body = signBatch(
        context.signer,
        pending.map((index) => actions[index]),
      );
      const answers = parseBatchResults(await context.post(body)).results;
      if (answers.length !== pending.length) {
        throw new ExchangeResponseInvalidError(BATCH_PATH, 'expected one result per action');
      }
      pending.forEach((index, i) => {
        results[index] = attempt > 0 ? afterResend(actions[index], answers[i]) : answers[i];
      });
    } catch (error) {
      if (
        !retryable ||
        !isRetryableExchangeError(error) ||
        attempt + 1 >= context.policy.maxAttempts
      ) {
        throw error;
      }
      const backoff = retryDelay(error, attempt, context.policy, context.random);
      if (!(error instanceof ExchangeUnavailableError)) {
        await context.sleep(backoff);
        continue;
      }
      const expiresIn = sentAt + context.signer.expiryWindowMs - context.clock.now().getTime();
      await context.sleep(Math.max(backoff, expiresIn));
      for (const index of pending) {
        results[index] = await landedCreate(context, actions[index], error);
      }
    }
  }
}

function parseBatchResults(data: unknown): { results: BatchActionResult[] } {
  const parsed = batchResultSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExchangeResponseInvalidError(
      BATCH_PATH,
      `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  return parsed.data;
}

function afterResend(action: PreparedBatchAction, answer: BatchActionResult): BatchActionResult {
  const isCancel = action.type === 'Cancel' || action.type === 'CancelStopOrder';
  return isCancel && !answer.success && /order not found/i.test(answer.error)
    ? { success: true, orderId: null, recovered: true }
    : answer;
}

async function landedCreate(
  context: BatchSubmissionContext,
  action: PreparedBatchAction,
  unavailable: ExchangeUnavailableError,
): Promise<BatchActionResult | undefined> {
  const cloid = clientOrderIdOf(action);
  if (!cloid) {
    return undefined;
  }
  // If the lookup fails too, whether the order landed is unknown: do not send it again.
  const landed = await context.findOrderByClientOrderId(cloid).catch(() => {
    throw unavailable;
  });
  return landed ? { success: true, orderId: landed.orderId, recovered: true } : undefined;
}
