/**
 * Contract of the coded-segments feature (issue 6): `segments-query` pages through annotations
 * with filters, sort and grouping; `segments-export` writes the same filtered list as CSV or
 * XLSX. The filter shape (`segmentFilter`) is shared with the analysis contract so that a matrix
 * cell can be turned into exactly the segments behind it.
 */
import { z } from 'zod';
import type { Annotation, ExportFile } from '../domain';
import { id, method } from './method';

export const cooccurrenceMode = z.enum(['overlap', 'sentence', 'paragraph']);
export type CooccurrenceMode = z.infer<typeof cooccurrenceMode>;

const ids = z.array(id).max(10_000);
const query = z.string().max(1_000);

/**
 * A condition on a document attribute: the segment's document has one of `values` (stored
 * values; numbers and dates are normalised like `attributes-set`), or has no value when
 * `missing`, and — for number and date attributes — a value within `min`..`max` (inclusive; a
 * date bound covers its whole period: max `2019` includes `2019-12-31`).
 */
export const attributeCondition = z
  .object({
    attributeId: id,
    values: z.array(z.string().max(10_000)).max(10_000).optional(),
    missing: z.boolean().optional(),
    min: z.string().max(100).optional(),
    max: z.string().max(100).optional(),
  })
  .strict();
export type AttributeCondition = z.infer<typeof attributeCondition>;

/** Filter fields shared by `segments-query`, `segments-export` (all optional; absent = any). */
export const segmentFilterShape = {
  codeIds: ids.optional(),
  /** With `codeIds`: also annotations of every descendant code (default false). */
  includeSubcodes: z.boolean().optional(),
  documentIds: ids.optional(),
  coderIds: ids.optional(),
  /** Substring of the memo; case-insensitive (ASCII) and simplified/traditional-insensitive. */
  memoQuery: query.optional(),
  /** Substring of the quoted text; same matching as `memoQuery`. */
  textQuery: query.optional(),
  /** Only annotations of `codeA` or `codeB` that co-occur with the other (a co-occurrence cell). */
  cooccurrence: z.object({ codeA: id, codeB: id, mode: cooccurrenceMode }).strict().optional(),
  /** Document attribute conditions, all of which must hold (AND). */
  attributes: z.array(attributeCondition).max(50).optional(),
};
export const segmentFilter = z.object(segmentFilterShape).strict();
export type SegmentFilter = z.infer<typeof segmentFilter>;

export const segmentSort = z.enum(['document', 'code', 'created', 'length']);
export type SegmentSort = z.infer<typeof segmentSort>;
export const segmentGroup = z.enum(['code', 'document']);
export type SegmentGroupBy = z.infer<typeof segmentGroup>;

const orderShape = {
  sort: segmentSort.default('document'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  /** Groups first (code tree order or document order), then `sort` inside each group. */
  groupBy: segmentGroup.nullable().optional(),
};

export const segmentsQueryInput = z
  .object({
    ...segmentFilterShape,
    ...orderShape,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1_000).default(100),
  })
  .strict();

export const segmentsExportInput = z
  .object({ ...segmentFilterShape, ...orderShape, format: z.enum(['csv', 'xlsx']) })
  .strict();

/** One coded segment: the annotation plus what a list row shows. */
export interface SegmentRow extends Annotation {
  documentTitle: string;
  /** Code names from the root down (`['问题', '财政压力']`). */
  codePath: string[];
  codeColor: string;
  coderName: string;
  /** Up to `SEGMENT_CONTEXT` code points of the text before and after the quote. */
  before: string;
  after: string;
}

/** A group header: a code or a document with the number of matching segments in it. */
export interface SegmentGroup {
  id: string;
  label: string;
  count: number;
}

export interface SegmentsPage {
  rows: SegmentRow[];
  /** Number of segments matching the filter (all pages). */
  total: number;
  /** With `groupBy`: every non-empty group in display order, counts summing to `total`. */
  groups: SegmentGroup[] | null;
}

/** Code points of context on each side of a quote. */
export const SEGMENT_CONTEXT = 30;

export const segmentsContract = {
  'segments-query': method<typeof segmentsQueryInput, SegmentsPage>(segmentsQueryInput),
  'segments-export': method<typeof segmentsExportInput, ExportFile>(segmentsExportInput),
};
