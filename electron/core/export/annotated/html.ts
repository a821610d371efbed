/**
 * The annotated document as one self-contained HTML page: no script, no external resource (a CSP
 * meta tag forbids any), so it opens offline anywhere and can be mailed as one file. The front
 * part holds the title, the legend of codes and the outline (documents and their detected
 * headings, linked); each document follows with its text one row per line, annotated runs
 * highlighted in their code colours (overlaps averaged and double-underlined), a numbered marker
 * where each annotation starts, and the notes (code path, coder, memo) in the margin beside the
 * line. The markers are CSS-generated, so copying the text copies only the text. A print
 * stylesheet makes "print to PDF" clean: A4, each document on a new page, colours kept, notes
 * never split, CJK serif fonts.
 */
import type { ExportLocale } from '../../../../shared/contracts/annotated-export';
import { EXPORT_LABELS, textLang } from './labels';
import type { ExportDocument, ExportModel } from './model';
import { tint, tokens } from './tokens';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

const STYLE = `
:root { --ink: #1f2328; --muted: #6b7077; --line: #e2dfd8; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f5f2; color: var(--ink);
  font-family: system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; font-size: 14px; }
.page { max-width: 64em; margin: 0 auto; padding: 24px 32px 80px; background: #fffefb; }
h1 { font-size: 24px; margin: 8px 0 4px; }
h2 { font-size: 17px; margin: 20px 0 8px; }
.meta { color: var(--muted); font-size: 12px; margin: 0 0 12px; }
.legend ul, .outline ol { margin: 0; padding-left: 1.2em; }
.legend li { list-style: none; margin: 2px 0; }
.sw { display: inline-block; width: 2.2em; height: 1em; vertical-align: -2px; margin-right: 6px; border-radius: 2px; border-left: 4px solid; }
.legend .n { color: var(--muted); margin-left: 6px; font-variant-numeric: tabular-nums; }
.outline a { color: inherit; text-decoration: none; }
.outline a:hover { text-decoration: underline; }
.doc { border-top: 1px solid var(--line); margin-top: 28px; padding-top: 8px; }
.doc-title { font-size: 21px; }
.rows { font-family: 'Noto Serif CJK SC', 'Noto Serif CJK TC', 'Source Han Serif SC', 'Songti SC', 'SimSun', 'PMingLiU', serif; }
.row { display: grid; grid-template-columns: minmax(0, 1fr) 17em; column-gap: 20px; }
.t { margin: 0 0 0.7em; font-size: 16px; line-height: 1.9; text-align: justify; line-break: strict; word-break: break-word; }
.blank .t { margin: 0; line-height: 0.6; }
.hd .t { font-weight: 700; }
.hd.lv1 .t { font-size: 18px; }
.h { border-radius: 2px; }
.h.ov { text-decoration: underline double rgb(31 35 40 / 0.6); text-underline-offset: 5px; }
.ref::after { content: attr(data-n); font: 600 9px/1 system-ui, sans-serif; vertical-align: super; color: var(--muted); margin: 0 1px; }
.ref { text-decoration: none; }
.notes { font-size: 12px; line-height: 1.45; }
.note { border-left: 3px solid; padding: 2px 0 2px 7px; margin: 3px 0 8px; }
.note .num { font-weight: 600; color: var(--muted); margin-right: 4px; }
.note .who { color: var(--muted); }
.note .memo { white-space: pre-wrap; margin-top: 2px; }
@media (max-width: 760px) { .row { grid-template-columns: 1fr; } .notes { margin: -4px 0 10px 12px; } }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  .page { max-width: none; padding: 0; background: #fff; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .doc { break-before: page; border-top: none; margin-top: 0; }
  .row { grid-template-columns: minmax(0, 1fr) 15em; column-gap: 12px; }
  .t { font-size: 11pt; line-height: 1.75; orphans: 2; widows: 2; }
  .hd { break-after: avoid; }
  .note { break-inside: avoid; }
  .notes { font-size: 8pt; }
  .outline a::after { content: ''; }
}
`;

function documentHtml(
  doc: ExportDocument,
  d: number,
  labels: (typeof EXPORT_LABELS)[ExportLocale],
  lang: string,
): string {
  const headingAt = new Map(
    doc.headings.map((h, i) => [h.start, { level: h.level, anchor: `d${d}-h${i}`, heading: h.heading }]),
  );
  const rows: string[] = [];
  let line: string[] = [];
  let notes: string[] = [];
  let lineStart = 0;
  let pos = 0;
  const flush = () => {
    const h = headingAt.get(lineStart);
    const classes = ['row', line.length === 0 ? 'blank' : '', h?.heading ? `hd lv${h.level}` : '']
      .filter(Boolean)
      .join(' ');
    rows.push(
      `<div class="${classes}"${h ? ` id="${h.anchor}"` : ''}><p class="t">${line.join('')}</p>` +
        (notes.length > 0 ? `<aside class="notes">${notes.join('')}</aside>` : '') +
        '</div>',
    );
    line = [];
    notes = [];
  };
  for (const t of tokens(doc.text, doc.annotations)) {
    switch (t.kind) {
      case 'text': {
        const text = escapeHtml(t.text);
        if (t.cover.length === 0) line.push(text);
        else
          line.push(
            `<span class="h${t.cover.length > 1 ? ' ov' : ''}" data-a="${t.cover.map((a) => a.number).join(' ')}" style="background:#${tint(t.cover.map((a) => a.color))}">${text}</span>`,
          );
        pos += Array.from(t.text).length;
        break;
      }
      case 'break':
        flush();
        pos += 1;
        lineStart = pos;
        break;
      case 'start': {
        const a = t.annotation;
        line.push(`<a class="ref" href="#n${a.number}" data-n="${a.number}"></a>`);
        notes.push(
          `<div class="note" id="n${a.number}" data-id="${escapeHtml(a.id)}" style="border-left-color:${escapeHtml(a.color)}">` +
            `<span class="num">${a.number}</span><b>${escapeHtml(a.codePath)}</b> <span class="who">· ${escapeHtml(a.coder)}</span>` +
            (a.memo.trim() === '' ? '' : `<div class="memo">${escapeHtml(a.memo)}</div>`) +
            '</div>',
        );
        break;
      }
      case 'end':
        break;
    }
  }
  flush();
  const meta = [
    doc.sourceFile ? `${labels.source}: ${escapeHtml(doc.sourceFile)}` : '',
    labels.annotations(doc.annotations.length),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    `<article class="doc" id="d${d}" data-document-id="${escapeHtml(doc.id)}">` +
    `<h2 class="doc-title">${escapeHtml(doc.title)}</h2><p class="meta">${meta}</p>` +
    `<div class="rows" lang="${lang}">\n${rows.join('\n')}\n</div></article>`
  );
}

function outlineHtml(model: ExportModel): string {
  return model.documents
    .map((doc, d) => {
      const items = doc.headings
        .map(
          (h, i) =>
            `<li class="lv${h.level}" style="margin-left:${(h.level - 1) * 1.2}em"><a href="#d${d}-h${i}">${escapeHtml(h.title)}</a></li>`,
        )
        .join('');
      return `<li><a href="#d${d}">${escapeHtml(doc.title)}</a>${items ? `<ol>${items}</ol>` : ''}</li>`;
    })
    .join('');
}

export function annotatedHtml(
  model: ExportModel,
  options: { locale: ExportLocale; title: string; exportedAt: string },
): string {
  const labels = EXPORT_LABELS[options.locale];
  const lang = textLang(model.script);
  const legend = model.legend
    .map(
      (e) =>
        `<li style="margin-left:${e.depth * 1.2}em"><span class="sw" style="background:#${tint([e.color])};border-left-color:${escapeHtml(e.color)}"></span>${escapeHtml(e.path)}<span class="n">${e.count}</span></li>`,
    )
    .join('');
  const uiLang = options.locale === 'en' ? 'en' : options.locale === 'zh-TW' ? 'zh-Hant' : 'zh-Hans';
  return `<!doctype html>
<html lang="${uiLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Pizhu 批注">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
<header class="front">
<h1>${escapeHtml(options.title)}</h1>
<p class="meta">${escapeHtml(labels.exported(options.exportedAt, labels.script[model.script]))}</p>
<section class="legend"><h2>${labels.legend}</h2><ul>${legend}</ul></section>
<nav class="outline"><h2>${labels.outline}</h2><ol>${outlineHtml(model)}</ol></nav>
</header>
<main>
${model.documents.map((doc, d) => documentHtml(doc, d, labels, lang)).join('\n')}
</main>
</div>
</body>
</html>
`;
}
