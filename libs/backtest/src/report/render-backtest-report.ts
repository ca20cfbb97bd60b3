import type { Candle } from '@nexwave/strategy';

import type { BacktestResult, BacktestSummary } from '../domain/backtest-input';
import { barTimeAt, toBars } from './downsample';
import { escapeHtml, htmlPage } from './html';

export interface BacktestReportOptions {
  /** The page's heading (`Backtest` when unset). */
  readonly title?: string;
  readonly strategyId?: string;
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** Candles beyond this per symbol are merged into wider bars, and the equity curve likewise (5,000). */
  readonly maxPoints?: number;
}

/** One entry or exit fill drawn on its symbol's price chart. */
export interface ReportMarker {
  readonly time: number;
  readonly position: 'belowBar' | 'aboveBar';
  readonly shape: 'arrowUp' | 'arrowDown';
  readonly color: string;
  readonly text: string;
}

const SUMMARY_ROWS: readonly [keyof BacktestSummary, string][] = [
  ['trades', 'Trades'],
  ['pnl', 'PnL (USD)'],
  ['returnPct', 'Return (%)'],
  ['sharpe', 'Sharpe'],
  ['sortino', 'Sortino'],
  ['maxDrawdown', 'Max drawdown (USD)'],
  ['maxDrawdownPct', 'Max drawdown (%)'],
  ['winRate', 'Win rate'],
  ['profitFactor', 'Profit factor'],
  ['exposure', 'Exposure'],
  ['fees', 'Fees (USD)'],
  ['startEquity', 'Start equity (USD)'],
  ['endEquity', 'End equity (USD)'],
  ['candles', 'Candles'],
  ['from', 'From'],
  ['to', 'To'],
];

const SCRIPT = `
const LW = LightweightCharts;
const base = { autoSize: true, layout: { attributionLogo: false }, timeScale: { timeVisible: true } };
DATA.symbols.forEach((s, i) => {
  const chart = LW.createChart(document.getElementById('price-' + i), base);
  const series = chart.addSeries(LW.CandlestickSeries);
  series.setData(s.bars);
  LW.createSeriesMarkers(series, s.markers);
});
LW.createChart(document.getElementById('equity'), base).addSeries(LW.LineSeries, { color: '#2962ff' }).setData(DATA.equity);
LW.createChart(document.getElementById('drawdown'), base).addSeries(LW.AreaSeries, { lineColor: '#d64545', topColor: 'rgba(214,69,69,.1)', bottomColor: 'rgba(214,69,69,.4)', invertFilledArea: true }).setData(DATA.drawdown);
`;

const cell = (value: unknown) => `<td>${escapeHtml(value ?? '—')}</td>`;
const iso = (date: Date) => date.toISOString().replace('.000Z', 'Z');

/**
 * A self-contained HTML report of a run (opens offline): per symbol its price (candles, merged
 * to at most `maxPoints` bars) with a marker per fill, the equity and drawdown (%) curves, the
 * summary table and the trades table. Every string it embeds is escaped.
 */
export function renderBacktestReport(
  result: BacktestResult,
  candles: readonly Candle[],
  options: BacktestReportOptions = {},
): string {
  const maxPoints = options.maxPoints ?? 5_000;
  const symbols = [...new Set(candles.map((c) => c.symbol))].map((symbol) => {
    const own = candles.filter((c) => c.symbol === symbol);
    const bars = toBars(own, Math.max(1, Math.ceil(own.length / maxPoints)));
    const markers: ReportMarker[] = result.orders
      .filter((order) => order.symbol === symbol)
      .flatMap((order) =>
        order.fills.map((fill) => ({
          time: barTimeAt(bars, Math.floor(fill.at.getTime() / 1000)),
          position: order.side === 'bid' ? ('belowBar' as const) : ('aboveBar' as const),
          shape: order.side === 'bid' ? ('arrowUp' as const) : ('arrowDown' as const),
          color: order.side === 'bid' ? '#1f9d55' : '#d64545',
          text: `${order.intent} ${fill.amount} @ ${fill.price}`,
        })),
      )
      .sort((a, b) => a.time - b.time);
    return { symbol, bars, markers };
  });
  const { equity, drawdown } = equitySeries(result, maxPoints);
  const title = options.title ?? 'Backtest';
  const heading = [
    options.strategyId,
    ...Object.entries(options.parameters ?? {}).map(([k, v]) => `${k}=${String(v)}`),
  ]
    .filter((part) => part !== undefined)
    .join(' ');
  const body = `<h1>${escapeHtml(title)}</h1>
${heading ? `<p id="run">${escapeHtml(heading)}</p>` : ''}
${symbols.map((s, i) => `<h2>${escapeHtml(s.symbol)}</h2><div class="chart" id="price-${i}"></div>`).join('\n')}
<h2>Equity (USD)</h2><div class="chart small" id="equity"></div>
<h2>Drawdown (%)</h2><div class="chart small" id="drawdown"></div>
<h2>Summary</h2>
<table id="summary"><tbody>
${SUMMARY_ROWS.map(([key, label]) => `<tr><th>${escapeHtml(label)}</th>${cell(result.summary[key])}</tr>`).join('\n')}
</tbody></table>
<h2>Trades</h2>
<table id="trades"><thead><tr><th>#</th><th>Symbol</th><th>Side</th><th>Opened</th><th>Closed</th><th>Quantity</th><th>Entry</th><th>Exit</th><th>PnL (USD)</th><th>Fees (USD)</th></tr></thead><tbody>
${result.trades
  .map(
    (t, i) =>
      `<tr>${[i + 1, t.symbol, t.side, iso(t.openedAt), iso(t.closedAt), t.quantity, t.entryPrice, t.exitPrice, t.pnlUsd, t.feesUsd].map(cell).join('')}</tr>`,
  )
  .join('\n')}
</tbody></table>`;
  return htmlPage(title, '', body, { symbols, equity, drawdown }, SCRIPT);
}

/** Equity and drawdown from its running peak (%), merged to at most `maxPoints` (last equity, deepest drawdown). */
function equitySeries(result: BacktestResult, maxPoints: number) {
  const curve = result.equityCurve;
  const per = Math.max(1, Math.ceil(curve.length / maxPoints));
  const equity: { time: number; value: number }[] = [];
  const drawdown: { time: number; value: number }[] = [];
  let peak = -Infinity;
  for (let i = 0; i < curve.length; i += per) {
    let deepest = 0;
    const end = Math.min(curve.length, i + per);
    for (let j = i; j < end; j++) {
      peak = Math.max(peak, curve[j].equityUsd);
      deepest = Math.min(deepest, peak > 0 ? ((curve[j].equityUsd - peak) / peak) * 100 : 0);
    }
    const time = Math.floor(curve[end - 1].time / 1000);
    if (equity.length > 0 && equity[equity.length - 1].time >= time) {
      continue;
    }
    equity.push({ time, value: curve[end - 1].equityUsd });
    drawdown.push({ time, value: deepest });
  }
  return { equity, drawdown };
}
