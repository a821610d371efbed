/**
 * The dataset card: a README.md written beside every export (inside the archive for QDPX) that
 * says what the file holds — its columns, the offset convention, the codebook with definitions,
 * the coders, counts per code, the documents with their provenance (source file, encoding,
 * cleaning steps), the formula guard, and when and by which version it was exported.
 */
import pkg from '../../../package.json' with { type: 'json' };
import type { CoreContext } from '../context';
import { codePaths, listCodes } from '../codes/handlers';

export const PIZHU_VERSION: string = pkg.version;

export interface CardInput {
  title: string;
  fileName: string;
  /** One line per column: name and meaning. */
  columns: readonly (readonly [string, string])[];
  rowCount: number;
  rowMeaning: string;
  formulaGuard: boolean | null;
  notes?: readonly string[];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function datasetCard(ctx: CoreContext, input: CardInput): string {
  const codes = listCodes(ctx);
  const paths = codePaths(codes);
  const coders = ctx.db
    .stmt(
      `SELECT c.name, count(a.id) AS n FROM coders c LEFT JOIN annotations a ON a.coder_id = c.id
       GROUP BY c.id ORDER BY c.created_at, c.name`,
    )
    .all() as { name: string; n: number }[];
  const docs = ctx.db
    .stmt(
      `SELECT d.title, d.source_file, d.encoding, d.cleaning, d.length, d.source_format,
              (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS n
       FROM documents d ORDER BY d.sort_order`,
    )
    .all() as {
    title: string;
    source_file: string | null;
    encoding: string;
    cleaning: string;
    length: number;
    source_format: string;
    n: number;
  }[];
  const lines: string[] = [
    `# ${input.title}`,
    '',
    `File: \`${input.fileName}\` — ${input.rowCount} ${input.rowMeaning}.`,
    `Exported ${ctx.now().toISOString()} by Pizhu ${PIZHU_VERSION} from \`${ctx.file.split(/[/\\]/).pop() ?? ''}\`.`,
    '',
    '## Offsets',
    '',
    'All offsets (`start`, `end`) are Unicode code points into the document’s canonical text, end',
    'exclusive: Python’s `text[start:end]` and R’s `substr(text, start + 1, end)` give the quote.',
    'Characters outside the Basic Multilingual Plane (e.g. 𠀋) count as one.',
    '',
  ];
  if (input.columns.length > 0) {
    lines.push('## Columns', '', '| column | meaning |', '| --- | --- |');
    for (const [name, meaning] of input.columns) lines.push(`| \`${cell(name)}\` | ${cell(meaning)} |`);
    lines.push('');
  }
  if (input.formulaGuard !== null) {
    lines.push(
      '## Spreadsheet safety',
      '',
      input.formulaGuard
        ? "Formula guard ON: text cells that begin with `=`, `+`, `-`, `@`, a tab or a carriage return start with an added `'` so that Excel shows them as text instead of running them. Remove the leading `'` (or export with the guard off) for exact text in pandas or R."
        : 'Formula guard OFF: cells hold the exact text. Do not open this file in Excel or LibreOffice by double-clicking; import it as text.',
      'Control characters that XLSX cannot hold are written as `_xHHHH_` (Excel shows the character).',
      '',
    );
  }
  lines.push('## Codebook', '', '| code path | annotations | definition |', '| --- | --- | --- |');
  for (const c of codes)
    lines.push(
      `| ${cell((paths.get(c.id) ?? [c.name]).join(' > '))} | ${c.annotationCount} | ${cell(c.definition || c.description)} |`,
    );
  lines.push('', '## Coders', '', '| coder | annotations |', '| --- | --- |');
  for (const c of coders) lines.push(`| ${cell(c.name)} | ${c.n} |`);
  lines.push(
    '',
    '## Documents',
    '',
    '| title | source file | format | encoding | cleaning steps | characters | annotations |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const d of docs) {
    const cleaning = (JSON.parse(d.cleaning) as string[]).join(', ') || '—';
    lines.push(
      `| ${cell(d.title)} | ${cell(d.source_file ?? '—')} | ${d.source_format} | ${d.encoding} | ${cell(cleaning)} | ${d.length} | ${d.n} |`,
    );
  }
  if (input.notes && input.notes.length > 0)
    lines.push('', '## Notes', '', ...input.notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}
