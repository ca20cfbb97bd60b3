import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

import type { Scrape } from './metrics-scrape';

const ROOT = join(__dirname, '..', '..');
export const PROMETHEUS_DIR = join(ROOT, 'deploy', 'prometheus');
export const GRAFANA_DIR = join(ROOT, 'deploy', 'grafana');

export interface AlertRule {
  alert?: unknown;
  expr?: unknown;
  for?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

export interface Dashboard {
  uid: string;
  title: string;
  panels: {
    title: string;
    datasource?: { uid?: string };
    targets?: { expr?: string; datasource?: { uid?: string } }[];
  }[];
}

export function readYaml<T>(path: string): T {
  return load(readFileSync(path, 'utf8')) as T;
}

export function alertRules(): { groups: { name?: unknown; rules?: AlertRule[] }[] } {
  return readYaml(join(PROMETHEUS_DIR, 'alerts.yml'));
}

export function dashboards(): Map<string, Dashboard> {
  const dir = join(GRAFANA_DIR, 'dashboards');
  return new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file, JSON.parse(readFileSync(join(dir, file), 'utf8')) as Dashboard]),
  );
}

/** Every PromQL expression of the dashboards and alert rules, with where it comes from. */
export function monitoringExpressions(): { where: string; expr: string }[] {
  const found: { where: string; expr: string }[] = [];
  for (const [file, dashboard] of dashboards()) {
    for (const panel of dashboard.panels) {
      for (const target of panel.targets ?? []) {
        found.push({ where: `${file} "${panel.title}"`, expr: String(target.expr) });
      }
    }
  }
  for (const group of alertRules().groups) {
    for (const rule of group.rules ?? []) {
      found.push({ where: `alerts.yml ${String(rule.alert)}`, expr: String(rule.expr) });
    }
  }
  return found;
}

/** PromQL words that are not metric names (aggregation modifiers, set and vector matching). */
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/**
 * The metric names a PromQL expression selects: identifiers outside strings, label matchers,
 * range selectors, grouping label lists and Grafana variables, that do not call a function.
 */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\$\{[^}]*\}|\$\w+/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const match of bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = bare.slice(match.index + match[0].length);
    const isNumber = /\d$/.test(bare.slice(0, match.index)) || /^\d/.test(match[0]);
    if (!/^\s*\(/.test(after) && !KEYWORDS.has(match[0].toLowerCase()) && !isNumber) {
      names.add(match[0]);
    }
  }
  return [...names];
}

/** Series Prometheus makes itself for each target, not on /metrics. */
const SYNTHETIC = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped']);

/**
 * Whether a scrape exposes `name`: a metric family (its # TYPE), a sample, or a histogram's or
 * summary's `_bucket` / `_sum` / `_count` series.
 */
export function exposes(scrape: Scrape, name: string): boolean {
  if (SYNTHETIC.has(name) || scrape.types.has(name)) {
    return true;
  }
  if (scrape.samples.some((sample) => sample.name === name)) {
    return true;
  }
  const series = /^(.*)_(bucket|sum|count)$/.exec(name);
  if (!series) {
    return false;
  }
  const type = scrape.types.get(series[1]);
  return type === 'histogram' || (type === 'summary' && series[2] !== 'bucket');
}
