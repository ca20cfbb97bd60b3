import { Script } from 'node:vm';

import { runBacktest } from '@nexwave/backtest';
import { walkCandles } from '@nexwave/backtest/testing';

import { renderBacktestReport, type ReportMarker } from './render-backtest-report';

const candles = walkCandles(7, 600, { timeframe: '1h', volatility: 0.02 });
const result = runBacktest({
  strategy: 'mean_reversion',
  parameters: { lookback: 20 },
  timeframe: '1h',
  symbols: ['BTC'],
  markets: { BTC: { lotSize: '0.00001', tickSize: '0.01' } },
  candles,
});

const scripts = (html: string) =>
  [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({
    attributes: m[1],
    body: m[2],
  }));
const data = (html: string) =>
  JSON.parse(scripts(html).find((s) => s.attributes.includes('report-data'))!.body) as {
    symbols: { symbol: string; bars: unknown[]; markers: ReportMarker[] }[];
    equity: { time: number }[];
    drawdown: { value: number }[];
  };
const tableRows = (html: string, id: string) =>
  html
    .match(new RegExp(`<table id="${id}">[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`))![1]
    .match(/<tr>/g)?.length ?? 0;

describe('renderBacktestReport', () => {
  const html = renderBacktestReport(result, candles, {
    strategyId: 'mr-1',
    parameters: { lookback: 20 },
  });

  it('traded in the crafted run (the checks below are not vacuous)', () => {
    expect(result.trades.length).toBeGreaterThan(3);
  });

  it('inlines the chart library and loads nothing from elsewhere', () => {
    const [json, library, own] = scripts(html);
    expect(json.attributes).toContain('application/json');
    expect(library.body.length).toBeGreaterThan(100_000);
    expect(library.body).toContain('createChart');
    expect(scripts(html).every((s) => !/\bsrc=/.test(s.attributes))).toBe(true);
    expect(html).not.toMatch(/<(link|img|iframe)\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    // Both inline scripts are valid JavaScript.
    expect(() => new Script(library.body)).not.toThrow();
    expect(() => new Script(own.body)).not.toThrow();
  });

  it('draws one marker per fill, on a bar of the series, in time order', () => {
    const fills = result.orders.flatMap((o) => o.fills);
    const { symbols } = data(html);
    expect(symbols.map((s) => s.symbol)).toEqual(['BTC']);
    expect(symbols[0].markers).toHaveLength(fills.length);
    expect(symbols[0].markers.filter((m) => m.shape === 'arrowUp')).toHaveLength(
      result.orders.filter((o) => o.side === 'bid').flatMap((o) => o.fills).length,
    );
    const times = symbols[0].markers.map((m) => m.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const barTimes = new Set((symbols[0].bars as { time: number }[]).map((b) => b.time));
    expect(times.every((t) => barTimes.has(t))).toBe(true);
  });

  it('has a row per trade, the summary and the equity and drawdown curves', () => {
    expect(tableRows(html, 'trades')).toBe(result.trades.length);
    expect(tableRows(html, 'summary')).toBe(16);
    expect(html).toContain(`<td>${result.summary.pnl}</td>`);
    const { equity, drawdown } = data(html);
    expect(equity).toHaveLength(result.equityCurve.length);
    expect(Math.min(...drawdown.map((d) => d.value))).toBeCloseTo(
      -result.summary.maxDrawdownPct,
      6,
    );
  });

  it('merges candles and the curve to at most maxPoints, keeping every marker on a bar', () => {
    const small = data(renderBacktestReport(result, candles, { maxPoints: 100 }));
    expect(small.symbols[0].bars).toHaveLength(100);
    expect(small.equity.length).toBeLessThanOrEqual(100);
    const barTimes = new Set((small.symbols[0].bars as { time: number }[]).map((b) => b.time));
    expect(small.symbols[0].markers.every((m) => barTimes.has(m.time))).toBe(true);
  });

  it('escapes every string it embeds', () => {
    const evil = '<img src=x onerror=alert(1)></script><script>alert(2)</script>';
    const page = renderBacktestReport(
      { ...result, trades: result.trades.map((t) => ({ ...t, symbol: evil })) },
      candles.map((c) => ({ ...c, symbol: evil })),
      { title: evil, strategyId: evil, parameters: { [evil]: evil } },
    );
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(scripts(page)).toHaveLength(3);
    expect(data(page).symbols[0].symbol).toBe(evil);
  });
});
