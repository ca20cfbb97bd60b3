import { chartLibraryBundle } from './chart-library';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value made inert in HTML. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON safe inside a `<script type="application/json">`: no `<`, `>`, `&` or line separators can
 * close the element or change how it is parsed.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A self-contained page: the chart library and `script` inline, `data` as inert JSON. */
export function htmlPage(
  title: string,
  style: string,
  body: string,
  data: unknown,
  script: string,
): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font:14px system-ui,sans-serif;margin:1.5rem;color:#1f2933;background:#fff}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #e4e7eb;text-align:right}
th{background:#f5f7fa}td:first-child,th:first-child{text-align:left}
.chart{height:360px;width:100%}.small{height:200px}.note{color:#616e7c;font-size:12px}
${style}
</style>
</head>
<body>
${body}
<p class="note">Charts: TradingView Lightweight Charts&trade; (Apache-2.0), inlined.</p>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${chartLibraryBundle()}</script>
<script>
const DATA = JSON.parse(document.getElementById('report-data').textContent);
${script}
</script>
</body>
</html>
`;
}
