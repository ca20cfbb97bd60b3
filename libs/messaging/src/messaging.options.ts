import { Registry } from 'prom-client';

import { RetryPolicy } from './consumer/retry-policy';

export type MessagingTransport = 'memory' | 'kafka';

export interface MessagingModuleOptions {
  /** memory: in-process (all-in-one app, tests); kafka: per-app deployment. */
  transport: MessagingTransport;
  /** Consumer group: the app's name (`order-management`); names consumers in the inbox and dead letters. */
  group: string;
  retry?: Partial<RetryPolicy>;
  /** Default wait for a reply to `request()`. */
  requestTimeoutMs?: number;
  /** Where consumer counters are registered; a fresh registry when omitted. */
  metricsRegistry?: Registry;
  kafka?: { brokers: string[]; clientId: string };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** The Nest transport strategy (a Server) to pass to `connectMicroservice({ strategy })`. */
export const MESSAGING_STRATEGY = Symbol('MESSAGING_STRATEGY');

export const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;
