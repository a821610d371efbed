/**
 * The agreement report as files: CSV (one row per code, then the mean and pooled rows; UTF-8 with
 * a BOM for Excel, numbers with full precision) and a standalone HTML page with the method text,
 * the scope, the coders, the date, the table and the reasons for missing values.
 */
import { stringify } from 'csv-stringify/sync';
import {
  AGREEMENT_STATS,
  type AgreementReport,
  type AgreementStat,
  type AgreementValues,
} from '../../../shared/contracts/agreement';
import type { ExportFile } from '../../../shared/domain';
import type { NullReason } from '../../../shared/stats/agreement';
import { REPORT_TEXT, type ReportLanguage } from './report-text';

const CSV_COLUMNS = ['code_path', 'units', ...AGREEMENT_STATS, 'null_reasons'] as const;

function stamp(report: AgreementReport): string {
  return report.computed_at.slice(0, 10);
}

function reasonsText(v: AgreementValues): string {
  return Object.entries(v.null_reasons)
    .map(([k, r]) => `${k}: ${r}`)
    .join('; ');
}

export function agreementCsv(report: AgreementReport): ExportFile {
  const rows: (string | number | null)[][] = [[...CSV_COLUMNS]];
  const line = (label: string, units: number | string, v: AgreementValues) =>
    rows.push([label, units, ...AGREEMENT_STATS.map((k) => v[k]), reasonsText(v)]);
  for (const c of report.codes) line(c.code_path, c.units, c);
  line('(mean)', '', report.overall.mean);
  line('(pooled)', report.overall.pooled.units, report.overall.pooled);
  const content = `\uFEFF${stringify(rows, { record_delimiter: '\r\n', cast: { number: (n) => String(n) } })}`;
  return {
    fileName: `pizhu-agreement-${report.unit}-${stamp(report)}.csv`,
    mimeType: 'text/csv',
    content,
    rowCount: report.codes.length,
  };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function agreementHtml(report: AgreementReport, language: ReportLanguage): ExportFile {
  const t = REPORT_TEXT[language];
  const fmt = new Intl.NumberFormat(language, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const int = new Intl.NumberFormat(language);
  const used = new Set<NullReason>();
  const cell = (v: AgreementValues, k: AgreementStat) => {
    const value = v[k];
    if (value !== null) return `<td class="n">${fmt.format(value)}</td>`;
    const reason = v.null_reasons[k];
    if (reason) used.add(reason);
    return `<td class="n" title="${esc(reason ? t.reasons[reason] : '')}">—${reason ? `<sup>${esc(reason)}</sup>` : ''}</td>`;
  };
  const heads = [t.code, t.units, t.percent, t.cohen, t.fleiss, t.alpha, t.alphaU];
  const row = (label: string, units: number | null, v: AgreementValues, cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${esc(label)}</th><td class="n">${units === null ? '' : int.format(units)}</td>${AGREEMENT_STATS.map((k) => cell(v, k)).join('')}</tr>`;
  const body = [
    ...report.codes.map((c) => row(c.code_path, c.units, c)),
    row(t.mean, null, report.overall.mean, 'total'),
    row(t.pooled, report.overall.pooled.units, report.overall.pooled, 'total'),
  ].join('\n');
  const date = new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(report.computed_at));
  const html = `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${esc(t.title)}</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; color: #222; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: .3rem .5rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: 600; border-top: 2px solid #888; }
sup { color: #888; font-size: .7em; }
dt { font-weight: 600; }
</style>
</head>
<body>
<h1>${esc(t.title)}</h1>
<dl>
<dt>${esc(t.date)}</dt><dd>${esc(date)} (UTC)</dd>
<dt>${esc(t.coders)}</dt><dd>${report.coders.map(esc).join(', ')}</dd>
<dt>${esc(t.unit)}</dt><dd>${esc(t.unitNames[report.unit])}: ${esc(t.unitDefinitions[report.unit])}</dd>
<dt>${esc(t.scope)}</dt><dd>${esc(t.documents(report.documents.length))}: ${report.documents.map((d) => esc(d.title)).join('; ')}</dd>
</dl>
<table>
<thead><tr>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
${
  used.size > 0
    ? `<h2>${esc(t.notes)}</h2><ul>${[...used].map((r) => `<li><code>${esc(r)}</code>: ${esc(t.reasons[r])}</li>`).join('')}</ul>`
    : ''
}
<h2>${esc(t.method)}</h2>
${t.methodParagraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</body>
</html>
`;
  return {
    fileName: `pizhu-agreement-${report.unit}-${stamp(report)}.html`,
    mimeType: 'text/html',
    content: html,
    rowCount: report.codes.length,
  };
}
