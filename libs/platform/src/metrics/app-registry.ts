import { collectDefaultMetrics, Registry } from 'prom-client';

/** Every metric of the process is named so; the default Node metrics get it as their prefix. */
export const METRIC_PREFIX = 'nexwave_';

/**
 * The one registry of an app: default Node metrics (`nexwave_process_*`, `nexwave_nodejs_*`) and
 * every sample labelled `app=<name>`, so one Prometheus can scrape all the apps.
 */
export function appRegistry(app: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  return registry;
}
