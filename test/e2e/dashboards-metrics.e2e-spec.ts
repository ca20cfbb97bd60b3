import request from 'supertest';

import { startAllInOneModule, type AllInOneModule } from '../support/all-in-one-module';
import { parseMetrics, total, type Scrape } from '../support/metrics-scrape';
import { exposes, metricNames, monitoringExpressions } from '../support/monitoring-config';

// Every metric a Grafana dashboard or a Prometheus alert rule names exists on GET /metrics of the
// all-in-one app (which runs every context, so every split app's metrics are there too), after
// trades were ingested: a renamed or mistyped metric fails here instead of drawing an empty panel.
describe('dashboards and alert rules name only exposed metrics', () => {
  let allInOne: AllInOneModule | undefined;
  let metrics: Scrape;

  beforeAll(async () => {
    allInOne = await startAllInOneModule({
      SYMBOLS: 'BTC',
      ADMIN_API_KEY: `nxk_00000000000000ab_${'D'.repeat(43)}`,
    });
    const { server } = allInOne;
    const deadline = Date.now() + 60_000;
    do {
      metrics = parseMetrics((await request(server).get('/metrics').expect(200)).text);
      if (total(metrics, 'nexwave_ticks_ingested_total') > 0) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    } while (Date.now() < deadline);
  }, 120_000);

  afterAll(() => allInOne?.stop());

  it('has traffic to scrape', () => {
    expect(total(metrics, 'nexwave_ticks_ingested_total')).toBeGreaterThan(0);
  });

  it('finds every metric of every dashboard panel and alert rule', () => {
    const expressions = monitoringExpressions();
    expect(expressions.length).toBeGreaterThan(40);
    const missing = expressions.flatMap(({ where, expr }) =>
      metricNames(expr)
        .filter((name) => !exposes(metrics, name))
        .map((name) => `${where}: ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
