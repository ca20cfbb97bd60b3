import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';

import { parseMetrics } from '../support/metrics-scrape';
import {
  alertRules,
  dashboards,
  exposes,
  GRAFANA_DIR,
  metricNames,
  monitoringExpressions,
  PROMETHEUS_DIR,
  readYaml,
} from '../support/monitoring-config';

const ROOT = join(__dirname, '..', '..');
const APPS = ['api-gateway', 'market-data', 'whale-tracker', 'trading-engine', 'order-management'];

interface Service {
  image?: string;
  environment?: Record<string, string | number>;
  volumes?: string[];
  ports?: string[];
}

const compose = load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), {
  schema: CORE_SCHEMA.withTags(mergeTag),
}) as { services: Record<string, Service> };

/** Where compose mounts a repository directory inside a service. */
const mountOf = (service: string, source: string): string | undefined =>
  (compose.services[service].volumes ?? [])
    .map((mount) => mount.split(':'))
    .find(([from]) => from === source)?.[1];

interface PrometheusConfig {
  global?: { scrape_interval?: string; evaluation_interval?: string };
  rule_files?: string[];
  scrape_configs: {
    job_name: string;
    metrics_path?: string;
    static_configs: { targets: string[] }[];
  }[];
}

// The monitoring part of the per-app deployment, read without Docker: what Prometheus scrapes,
// the alert rules as Prometheus requires them, and the provisioned Grafana.
describe('Prometheus configuration', () => {
  const config = readYaml<PrometheusConfig>(join(PROMETHEUS_DIR, 'prometheus.yml'));

  it('scrapes GET /metrics of every app service on the port it listens on', () => {
    const targets = config.scrape_configs.flatMap((job) =>
      job.static_configs.flatMap((group) => group.targets),
    );
    const expected = APPS.map((app) => `${app}:${compose.services[app].environment?.PORT}`);
    expect(targets.sort()).toEqual(expected.sort());
    expect(config.scrape_configs.map((job) => job.metrics_path ?? '/metrics')).toEqual([
      '/metrics',
    ]);
    for (const app of APPS) {
      expect(compose.services[app].environment?.PORT).toBe('3000');
    }
  });

  it('loads the alert rules from the directory compose mounts at its config path', () => {
    expect(config.rule_files).toEqual(['alerts.yml']);
    expect(mountOf('prometheus', './deploy/prometheus')).toBe('/etc/prometheus');
  });

  it('has alert rules with the fields Prometheus requires, one name each', () => {
    const { groups } = alertRules();
    expect(groups.length).toBeGreaterThan(0);
    const names: string[] = [];
    for (const group of groups) {
      expect(typeof group.name).toBe('string');
      expect(group.rules?.length).toBeGreaterThan(0);
      for (const rule of group.rules ?? []) {
        expect(rule.alert).toMatch(/^[A-Z][A-Za-z0-9]+$/);
        expect(typeof rule.expr).toBe('string');
        expect(String(rule.expr).trim()).not.toBe('');
        expect(rule.for ?? '0s').toMatch(/^\d+[smhd]$/);
        expect(['critical', 'warning']).toContain(rule.labels?.severity);
        expect(typeof rule.annotations?.summary).toBe('string');
        names.push(String(rule.alert));
      }
    }
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'CircuitBreakerOpen',
        'ExchangeFeedStale',
        'TickIngestLag',
        'DeadLettersGrowing',
        'DatabaseDown',
        'EquityDrawdown',
      ]),
    );
  });

  it('balances the brackets of every expression', () => {
    for (const { where, expr } of monitoringExpressions()) {
      const depth = { '(': 0, '[': 0, '{': 0 };
      const closing = { ')': '(', ']': '[', '}': '{' } as const;
      for (const char of expr.replace(/"(?:[^"\\]|\\.)*"/g, '')) {
        if (char in depth) {
          depth[char as keyof typeof depth]++;
        } else if (char in closing) {
          depth[closing[char as keyof typeof closing]]--;
        }
      }
      expect([where, depth]).toEqual([where, { '(': 0, '[': 0, '{': 0 }]);
    }
  });
});

describe('Grafana provisioning', () => {
  const datasources = readYaml<{ datasources: { uid: string; url: string; type: string }[] }>(
    join(GRAFANA_DIR, 'provisioning', 'datasources', 'prometheus.yml'),
  );
  const providers = readYaml<{ providers: { options: { path: string } }[] }>(
    join(GRAFANA_DIR, 'provisioning', 'dashboards', 'nexwave.yml'),
  );

  it('points its one datasource at the compose Prometheus', () => {
    const [prometheusPort] = (compose.services.prometheus.ports ?? [])[0].split(':');
    expect(datasources.datasources).toEqual([
      expect.objectContaining({
        uid: 'prometheus',
        type: 'prometheus',
        url: `http://prometheus:${prometheusPort}`,
      }),
    ]);
    expect(mountOf('grafana', './deploy/grafana/provisioning')).toBe('/etc/grafana/provisioning');
    expect(mountOf('grafana', './deploy/grafana/dashboards')).toBe(
      providers.providers[0].options.path,
    );
  });

  it('provisions the five dashboards, each panel querying that datasource', () => {
    const all = dashboards();
    expect([...all.keys()].sort()).toEqual([
      'market-data.json',
      'orders-risk.json',
      'platform.json',
      'strategy.json',
      'whales.json',
    ]);
    expect(new Set([...all.values()].map((dashboard) => dashboard.uid)).size).toBe(5);
    for (const [file, dashboard] of all) {
      expect(dashboard.panels.length).toBeGreaterThan(0);
      for (const panel of dashboard.panels) {
        expect([file, panel.title, panel.datasource?.uid]).toEqual([
          file,
          panel.title,
          'prometheus',
        ]);
        expect(panel.targets?.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('metric names in PromQL', () => {
  it.each([
    [
      'sum by (symbol) (rate(nexwave_ticks_received_total[$__rate_interval]))',
      ['nexwave_ticks_received_total'],
    ],
    [
      'histogram_quantile(0.99, sum by (le, app) (rate(nexwave_tick_feed_lag_seconds_bucket[5m]))) > 5',
      ['nexwave_tick_feed_lag_seconds_bucket'],
    ],
    [
      'sum(rate(a_total{outcome="error", x=~"b|c"}[2m])) > 0 unless on (app) sum(b_count) == 1e3',
      ['a_total', 'b_count'],
    ],
    ['up{job="nexwave"} == 0', ['up']],
    ['(max_over_time(eq_usd[1d]) - eq_usd) / max_over_time(eq_usd[1d]) > 0.10', ['eq_usd']],
  ])('%s names %j', (expr, names) => {
    expect(metricNames(expr).sort()).toEqual([...names].sort());
  });

  it('finds a histogram by its series and refuses a name no app exposes', () => {
    const scrape = parseMetrics(
      [
        '# TYPE nexwave_x_seconds histogram',
        'nexwave_x_seconds_bucket{le="1"} 0',
        '# TYPE nexwave_y_total counter',
      ].join('\n'),
    );
    expect(exposes(scrape, 'nexwave_x_seconds_bucket')).toBe(true);
    expect(exposes(scrape, 'nexwave_x_seconds_count')).toBe(true);
    expect(exposes(scrape, 'nexwave_y_total')).toBe(true);
    expect(exposes(scrape, 'nexwave_y_total_count')).toBe(false);
    expect(exposes(scrape, 'nexwave_z_total')).toBe(false);
  });
});
