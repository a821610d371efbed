/**
 * What an annotated export holds, read once from the project and put into the chosen script
 * view: each document's displayed text, its annotations with their ranges mapped onto that text
 * (shared/text/script-convert.ts's ScriptMap, so a quote stays on exactly its characters even
 * where a conversion changes length), code paths and colours, coder names, and the legend.
 * The DOCX and HTML writers only format this model.
 */
import type { Code } from '../../../../shared/domain';
import type { ExportScript } from '../../../../shared/contracts/annotated-export';
import { PizhuError } from '../../../../shared/errors';
import { loadConverter, type ConverterId } from '../../../../shared/text/script-convert';
import { OffsetIndex } from '../../../../shared/text/offsets';
import { detectStructure, type MarkerKind } from '../../../../shared/text/structure';
import type { CoreContext } from '../../context';
import { codePaths, listCodes } from '../../codes/handlers';
import { listSets } from '../../sets/handlers';

export interface ExportAnnotation {
  id: string;
  /** Number shown beside the note (1-based, in reading order across the export). */
  number: number;
  codeId: string;
  codePath: string;
  color: string;
  coder: string;
  memo: string;
  createdAt: string;
  /** Code points into the displayed text, end exclusive. */
  start: number;
  end: number;
  /** The displayed text of [start, end): the canonical quote in the chosen script. */
  quote: string;
}

export interface ExportHeading {
  /** Code points into the displayed text: where the line holding the marker starts, the heading's end. */
  start: number;
  end: number;
  level: number;
  /** Marker and title as displayed: `二、存在的问题`. */
  title: string;
  /** A stand-alone heading line (Word heading style); false for a numbered paragraph. */
  heading: boolean;
}

/** Numbered headings and paragraphs (not inline items) of a canonical text, for the outline. */
export function structureHeadings(canonical: string): ExportHeading[] {
  return detectStructure(canonical)
    .filter((n) => !INLINE_KINDS.has(n.kind))
    .map((n) => ({
      start: n.start,
      end: n.headEnd,
      level: n.level,
      title: `${n.marker}${n.title}`,
      heading: n.heading,
    }));
}

const INLINE_KINDS: ReadonlySet<MarkerKind> = new Set(['shi', 'di', 'sequence']);

export interface ExportDocument {
  id: string;
  title: string;
  sourceFile: string | null;
  /** The text in the chosen script view. */
  text: string;
  annotations: ExportAnnotation[];
  headings: ExportHeading[];
}

export interface LegendEntry {
  codeId: string;
  path: string;
  color: string;
  count: number;
  depth: number;
}

export interface ExportModel {
  documents: ExportDocument[];
  legend: LegendEntry[];
  script: ExportScript;
  annotationCount: number;
}

const CONVERTER: Record<Exclude<ExportScript, 'original'>, ConverterId> = {
  simplified: 'cn',
  traditional: 'tw',
};

interface DocRow {
  id: string;
  title: string;
  source_file: string | null;
  text: string;
}

interface AnnRow {
  id: string;
  code_id: string;
  coder: string;
  start: number;
  end: number;
  memo: string;
  created_at: string;
}

/** The documents asked for, validated before anything is built. */
export function resolveDocumentIds(
  ctx: CoreContext,
  input: { documentIds?: string[] | undefined; setId?: string | undefined },
): string[] {
  const byIds = input.documentIds !== undefined;
  const bySet = input.setId !== undefined;
  if (byIds === bySet)
    throw new PizhuError('invalid-input', 'export-annotated: give either documentIds or setId');
  if (bySet) {
    const set = listSets(ctx.db).find((s) => s.id === input.setId);
    if (!set) throw new PizhuError('set-not-found', `No document set ${input.setId}`, { id: input.setId! });
    if (set.documentIds.length === 0)
      throw new PizhuError('invalid-input', `Document set ${set.name} is empty`, { id: set.id });
    return set.documentIds;
  }
  const ids = [...new Set(input.documentIds)];
  for (const id of ids) {
    if (ctx.db.stmt('SELECT 1 FROM documents WHERE id = ?').get(id) === undefined)
      throw new PizhuError('document-not-found', `No document ${id}`, { id });
  }
  return ids;
}

/** Code points that XML 1.0 cannot hold (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** One code point for one code point, so offsets stay valid; the replacement is U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD');
}

export async function buildExportModel(
  ctx: CoreContext,
  documentIds: readonly string[],
  script: ExportScript,
  headingsOf: (canonical: string) => ExportHeading[] = structureHeadings,
): Promise<ExportModel> {
  const codes = listCodes(ctx);
  const paths = codePaths(codes);
  const codeById = new Map(codes.map((c) => [c.id, c]));
  const converter = script === 'original' ? null : await loadConverter(CONVERTER[script]);
  const docStmt = ctx.db.stmt('SELECT id, title, source_file, text FROM documents WHERE id = ?');
  const annStmt = ctx.db.stmt(
    `SELECT a.id, a.code_id, c.name AS coder, a.start_offset AS start, a.end_offset AS end, a.memo, a.created_at
     FROM annotations a JOIN coders c ON c.id = a.coder_id
     WHERE a.document_id = ? ORDER BY a.start_offset, a.end_offset DESC, a.created_at, a.id`,
  );
  const perCode = new Map<string, number>();
  let number = 0;
  const documents: ExportDocument[] = [];
  for (const id of documentIds) {
    const row = docStmt.get(id) as DocRow | undefined;
    if (!row) throw new PizhuError('document-not-found', `No document ${id}`, { id });
    const converted = converter ? converter.convert(row.text) : null;
    const text = xmlSafe(converted ? converted.text : row.text);
    const index = new OffsetIndex(text);
    const annotations = (annStmt.all(id) as AnnRow[]).map((a): ExportAnnotation => {
      const range = converted ? converted.map.rangeToDisplay({ start: a.start, end: a.end }) : a;
      const code = codeById.get(a.code_id);
      perCode.set(a.code_id, (perCode.get(a.code_id) ?? 0) + 1);
      return {
        id: a.id,
        number: ++number,
        codeId: a.code_id,
        codePath: (paths.get(a.code_id) ?? []).join(' > '),
        color: code?.color ?? '#888888',
        coder: a.coder,
        memo: xmlSafe(a.memo),
        createdAt: a.created_at,
        start: range.start,
        end: range.end,
        quote: text.slice(index.toUtf16(range.start), index.toUtf16(range.end)),
      };
    });
    const headings = headingsOf(row.text).map((h) => {
      const r = converted ? converted.map.rangeToDisplay(h) : h;
      // Anchor at the start of the marker's line (a marker may follow an indent).
      const u = index.toUtf16(r.start);
      const lineStart = index.toCodePoint(text.lastIndexOf('\n', u - 1) + 1);
      const title = xmlSafe(converter ? converter.convert(h.title).text : h.title);
      return { ...h, start: lineStart, end: r.end, title };
    });
    documents.push({
      id,
      title: xmlSafe(row.title),
      sourceFile: row.source_file,
      text,
      annotations,
      headings,
    });
  }
  return { documents, legend: legendOf(codes, paths, perCode), script, annotationCount: number };
}

/** Every code in codebook order (depth-first), with its count in this export. */
function legendOf(
  codes: readonly Code[],
  paths: Map<string, string[]>,
  perCode: Map<string, number>,
): LegendEntry[] {
  const children = new Map<string | null, Code[]>();
  for (const c of codes) {
    const list = children.get(c.parentId) ?? [];
    list.push(c);
    children.set(c.parentId, list);
  }
  const out: LegendEntry[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const c of [...(children.get(parent) ?? [])].sort((a, b) => a.sortOrder - b.sortOrder)) {
      out.push({
        codeId: c.id,
        path: (paths.get(c.id) ?? [c.name]).join(' > '),
        color: c.color,
        count: perCode.get(c.id) ?? 0,
        depth,
      });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
