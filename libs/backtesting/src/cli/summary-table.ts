import type { BacktestSummary } from '@nexwave/backtest';

/** The fields `--json` prints, camelCase, in table order (`runId` null when nothing is stored). */
export function summaryJson(
  runId: string | null,
  summary: BacktestSummary,
): Record<string, unknown> {
  return { runId, ...summary };
}

const percent = (fraction: number | null) =>
  fraction === null ? 'n/a' : `${(fraction * 100).toFixed(2)} %`;
const ratio = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

/** A two-column table of the figures a quant reads first. */
export function summaryTable(summary: BacktestSummary): string {
  const rows: [string, string][] = [
    ['trades', String(summary.trades)],
    ['pnl (USD)', summary.pnl],
    ['return', `${summary.returnPct.toFixed(2)} %`],
    ['sharpe', ratio(summary.sharpe)],
    ['sortino', ratio(summary.sortino)],
    [
      'max drawdown',
      `${summary.maxDrawdown.toFixed(2)} USD (${summary.maxDrawdownPct.toFixed(2)} %)`,
    ],
    ['win rate', percent(summary.winRate)],
    ['profit factor', ratio(summary.profitFactor)],
    ['exposure', percent(summary.exposure)],
    ['fees (USD)', summary.fees],
    ['equity', `${summary.startEquity} -> ${summary.endEquity}`],
    ['candles', String(summary.candles)],
    ['period', `${summary.from ?? '-'} .. ${summary.to ?? '-'}`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n');
}
