/**
 * The span format: THE exchange format for annotations (import-annotations, the spans export, the
 * suggester's output). One JSON object per line, UTF-8:
 *
 *   {"document": "<document id, source file name or title>", "start": 12, "end": 40,
 *    "code": "问题 > 财政压力", "memo": "optional"}
 *
 * Offsets are Unicode code points into the document's canonical text, end exclusive; `code` is the
 * code path from the root with ` > ` between levels (as in the dataset export). Other keys (an
 * exporter's `coder`, a suggester's `score`) are allowed and ignored by readers. This file only
 * parses, validates the shape and serialises; resolving documents and codes is the core's job.
 */
import { z } from 'zod';

export const CODE_PATH_SEPARATOR = ' > ';

export interface SpanRecord {
  document: string;
  start: number;
  end: number;
  /** Code path, e.g. `问题 > 财政压力`. */
  code: string;
  memo?: string;
  /** Written by the spans export when several coders are exported; readers ignore it. */
  coder?: string;
}

/** A parsed line with its 1-based line number in the file. */
export interface NumberedSpan {
  line: number;
  span: SpanRecord;
}

/** Why a line is not a span: `json` (not one JSON object) or `shape` (a field missing/wrong). */
export interface SpanLineError {
  line: number;
  reason: 'json' | 'shape';
  /** The offending field, for `shape`. */
  field: string | null;
  message: string;
}

const spanSchema = z
  .object({
    document: z.string().trim().min(1),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    code: z.string().trim().min(1),
    memo: z.string().optional(),
  })
  .passthrough()
  .refine((s) => s.start < s.end, { message: 'start must be less than end', path: ['end'] });

/** The code path's levels, each trimmed (`问题 > 财政压力` → ['问题', '财政压力']). */
export function splitCodePath(path: string): string[] {
  return path.split(CODE_PATH_SEPARATOR.trim()).map((p) => p.trim());
}

export function joinCodePath(levels: readonly string[]): string {
  return levels.join(CODE_PATH_SEPARATOR);
}

/** Parses a span file: every line checked; blank lines (and a leading BOM) are skipped. */
export function parseSpanLines(text: string): { spans: NumberedSpan[]; errors: SpanLineError[] } {
  const spans: NumberedSpan[] = [];
  const errors: SpanLineError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      errors.push({
        line,
        reason: 'json',
        field: null,
        message: err instanceof Error ? err.message : String(err),
      });
      return;
    }
    const parsed = spanSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? String(issue.path[0]) : null;
      errors.push({ line, reason: 'shape', field, message: issue?.message ?? 'invalid span' });
      return;
    }
    const s = parsed.data;
    const span: SpanRecord = { document: s.document, start: s.start, end: s.end, code: s.code };
    if (s.memo !== undefined && s.memo !== '') span.memo = s.memo;
    if (splitCodePath(span.code).some((p) => p === '')) {
      errors.push({ line, reason: 'shape', field: 'code', message: 'empty level in code path' });
      return;
    }
    spans.push({ line, span });
  });
  return { spans, errors };
}

/**
 * One JSON object per line, keys in the format's order, `memo` only when not empty, a final
 * newline. U+2028/U+2029 escaped so that line-splitting readers keep each record whole.
 */
export function serializeSpans(spans: readonly SpanRecord[]): string {
  return spans
    .map((s) => {
      const o: Record<string, unknown> = { document: s.document, start: s.start, end: s.end, code: s.code };
      if (s.memo) o.memo = s.memo;
      if (s.coder !== undefined) o.coder = s.coder;
      return `${JSON.stringify(o)
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029')}\n`;
    })
    .join('');
}
