/**
 * API contract of corpus search (issue 5): `search-run` finds a query in every document (or a
 * chosen few) and returns KWIC hits; `search-code` codes a batch of hits as one undoable command.
 * Offsets are code points into the canonical text. Query syntax: shared/search/query.ts.
 */
import { z } from 'zod';
import type { HistoryState } from '../domain';
import { id, method, offset } from './method';

/** Hits returned by default; the total is counted in full unless `count: false`. */
export const SEARCH_DEFAULT_LIMIT = 5_000;
/** Hits of the first page the search view asks for (`count: false`) before the counted result. */
export const SEARCH_FIRST_PAGE = 200;
export const SEARCH_MAX_LIMIT = 100_000;
/** Most hits one `search-code` call may code. */
export const SEARCH_CODE_MAX_HITS = 100_000;
/** Characters of context on each side of a hit in KWIC lines. */
export const KWIC_CONTEXT = 20;

export interface SearchHit {
  documentId: string;
  /** Code points into the canonical text, end exclusive. */
  start: number;
  end: number;
  /** KWIC: up to KWIC_CONTEXT characters before, the hit, and after, from the canonical text. */
  left: string;
  match: string;
  right: string;
}

export interface SearchDocumentResult {
  documentId: string;
  title: string;
  /** All hits in this document (also those left out by the limit). */
  count: number;
  /** Returned hits, by start offset. */
  hits: SearchHit[];
}

export interface SearchResult {
  /** Hits in all documents. */
  total: number;
  /** Documents with at least one hit, in document order. */
  documents: SearchDocumentResult[];
  /** Number of hits returned (≤ limit). */
  returned: number;
  /**
   * True when `total` > `returned`: only the first `limit` hits (document order) came back; also
   * when an uncounted search stopped at `limit` (more hits may follow).
   */
  truncated: boolean;
  /**
   * False when the search was asked not to count (`count: false`) and stopped once `limit` hits
   * were found: `total` and the last document's `count` then cover only what was read.
   */
  counted: boolean;
}

export type SearchExpand = 'none' | 'sentence' | 'paragraph';

export interface SearchCodeResult {
  /** Annotations created. */
  created: number;
  /** Hits skipped because the same annotation (document, code, start, end) already existed or came twice. */
  skipped: number;
  history: HistoryState;
}

/** `search-index-build`: documents indexed by this call and documents still queued. */
export interface SearchIndexProgress {
  indexed: number;
  pending: number;
}

const indexBuildInput = z
  .object({ maxDocuments: z.number().int().min(1).max(1_000_000).optional() })
  .strict();

const hitRef = z.object({ documentId: id, start: offset, end: offset }).strict();

export const searchContract = {
  'search-run': method<
    z.ZodObject<{
      query: z.ZodString;
      documentIds: z.ZodOptional<z.ZodArray<typeof id>>;
      limit: z.ZodOptional<z.ZodNumber>;
      count: z.ZodOptional<z.ZodBoolean>;
    }>,
    SearchResult
  >(
    z
      .object({
        query: z.string().max(2_000),
        documentIds: z.array(id).max(100_000).optional(),
        limit: z.number().int().min(1).max(SEARCH_MAX_LIMIT).optional(),
        count: z.boolean().optional(),
      })
      .strict(),
  ),
  'search-code': method<
    z.ZodObject<{
      hits: z.ZodArray<typeof hitRef>;
      codeId: typeof id;
      expand: z.ZodEnum<{ none: 'none'; sentence: 'sentence'; paragraph: 'paragraph' }>;
    }>,
    SearchCodeResult
  >(
    z
      .object({
        hits: z.array(hitRef).min(1).max(SEARCH_CODE_MAX_HITS),
        codeId: id,
        expand: z.enum(['none', 'sentence', 'paragraph']),
      })
      .strict(),
  ),
  /** Indexes documents a bulk import queued (see docs/api.md "Search"); call until `pending` is 0. */
  'search-index-build': method<typeof indexBuildInput, SearchIndexProgress>(indexBuildInput),
};
