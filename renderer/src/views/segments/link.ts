/**
 * The coded segments view's filter in the URL: `#/view/segments?code=…&code=…&sub=0&doc=…&coder=…&memo=…
 * &text=…&coA=…&coB=…&mode=…&attr=…&av=…&amin=…&amax=…&sort=…&dir=…&group=…`. Attribute
 * conditions: `attr=<id>` names one, `av=<id>~<value>` adds a value (`av=<id>~` = no value),
 * `amin`/`amax=<id>~<bound>` a range. The analysis view links matrix cells here, a
 * reload keeps the filter, and the view writes its own changes back (replaceState, no history
 * entry per keystroke). The router (routes.ts) ignores the query part of `#/view/<id>`.
 */
import type {
  AttributeCondition,
  CooccurrenceMode,
  SegmentFilter,
  SegmentGroupBy,
  SegmentSort,
} from '../../../../shared/contracts/segments';

export const SEGMENTS_VIEW_ID = 'segments';

export interface SegmentsState {
  /** Codes to show (empty: all codes). */
  codeIds: string[];
  includeSubcodes: boolean;
  documentId: string | null;
  coderId: string | null;
  memoQuery: string;
  textQuery: string;
  cooccurrence: { codeA: string; codeB: string; mode: CooccurrenceMode } | null;
  /** Document attribute conditions (AND). */
  attributes: AttributeFilterState[];
  sort: SegmentSort;
  direction: 'asc' | 'desc';
  groupBy: SegmentGroupBy | null;
}

/** One attribute condition as the view edits it (no values and not `missing`: any value). */
export interface AttributeFilterState {
  attributeId: string;
  values: string[];
  missing: boolean;
  min: string;
  max: string;
}

export const DEFAULT_SEGMENTS_STATE: SegmentsState = {
  codeIds: [],
  includeSubcodes: true,
  documentId: null,
  coderId: null,
  memoQuery: '',
  textQuery: '',
  cooccurrence: null,
  attributes: [],
  sort: 'document',
  direction: 'asc',
  groupBy: null,
};

const SORTS: readonly SegmentSort[] = ['document', 'code', 'created', 'length'];
const MODES: readonly CooccurrenceMode[] = ['overlap', 'sentence', 'paragraph'];

/** The hash of the segments view showing `state` (defaults omitted). */
export function segmentsHash(partial: Partial<SegmentsState>): string {
  const s = { ...DEFAULT_SEGMENTS_STATE, ...partial };
  const q = new URLSearchParams();
  for (const id of s.codeIds) q.append('code', id);
  if (!s.includeSubcodes) q.set('sub', '0');
  if (s.documentId) q.set('doc', s.documentId);
  if (s.coderId) q.set('coder', s.coderId);
  if (s.memoQuery) q.set('memo', s.memoQuery);
  if (s.textQuery) q.set('text', s.textQuery);
  if (s.cooccurrence) {
    q.set('coA', s.cooccurrence.codeA);
    q.set('coB', s.cooccurrence.codeB);
    q.set('mode', s.cooccurrence.mode);
  }
  for (const a of s.attributes) {
    q.append('attr', a.attributeId);
    for (const v of a.values) q.append('av', `${a.attributeId}~${v}`);
    if (a.missing) q.append('av', `${a.attributeId}~`);
    if (a.min) q.append('amin', `${a.attributeId}~${a.min}`);
    if (a.max) q.append('amax', `${a.attributeId}~${a.max}`);
  }
  if (s.sort !== 'document') q.set('sort', s.sort);
  if (s.direction !== 'asc') q.set('dir', s.direction);
  if (s.groupBy) q.set('group', s.groupBy);
  const query = q.toString();
  return `#/view/${SEGMENTS_VIEW_ID}${query ? `?${query}` : ''}`;
}

/** `<id>~<rest>` pairs of a repeated parameter (split at the first ~: values may hold one). */
function pairs(q: URLSearchParams, name: string): [string, string][] {
  return q.getAll(name).flatMap((p) => {
    const i = p.indexOf('~');
    return i > 0 ? [[p.slice(0, i), p.slice(i + 1)] as [string, string]] : [];
  });
}

function parseAttributes(q: URLSearchParams): AttributeFilterState[] {
  const values = pairs(q, 'av');
  const bound = (name: string, id: string) => pairs(q, name).find(([k]) => k === id)?.[1] ?? '';
  return [...new Set(q.getAll('attr').filter(Boolean))].map((id) => ({
    attributeId: id,
    values: [...new Set(values.filter(([k, v]) => k === id && v !== '').map(([, v]) => v))],
    missing: values.some(([k, v]) => k === id && v === ''),
    min: bound('amin', id),
    max: bound('amax', id),
  }));
}

export function parseSegmentsHash(hash: string): SegmentsState {
  const match = /^#\/view\/[^?]*\?(.*)$/.exec(hash);
  const q = new URLSearchParams(match?.[1] ?? '');
  const sort = q.get('sort') as SegmentSort | null;
  const mode = q.get('mode') as CooccurrenceMode | null;
  const group = q.get('group');
  const coA = q.get('coA');
  const coB = q.get('coB');
  return {
    codeIds: [...new Set(q.getAll('code').filter(Boolean))],
    includeSubcodes: q.get('sub') !== '0',
    documentId: q.get('doc') || null,
    coderId: q.get('coder') || null,
    memoQuery: q.get('memo') ?? '',
    textQuery: q.get('text') ?? '',
    cooccurrence: coA && coB && mode && MODES.includes(mode) ? { codeA: coA, codeB: coB, mode } : null,
    attributes: parseAttributes(q),
    sort: sort && SORTS.includes(sort) ? sort : 'document',
    direction: q.get('dir') === 'desc' ? 'desc' : 'asc',
    groupBy: group === 'code' || group === 'document' ? group : null,
  };
}

/** The API filter of a view state. */
export function toFilter(s: SegmentsState): SegmentFilter {
  const f: SegmentFilter = {};
  if (s.codeIds.length > 0) {
    f.codeIds = [...s.codeIds];
    f.includeSubcodes = s.includeSubcodes;
  }
  if (s.documentId) f.documentIds = [s.documentId];
  if (s.coderId) f.coderIds = [s.coderId];
  if (s.memoQuery.trim()) f.memoQuery = s.memoQuery.trim();
  if (s.textQuery.trim()) f.textQuery = s.textQuery.trim();
  if (s.cooccurrence) f.cooccurrence = s.cooccurrence;
  // A condition left at 任意值 (nothing ticked, no bound) filters nothing. The API reads a bare
  // condition as "has some value", which would drop every document without one.
  const set = s.attributes.map(toCondition).filter((c) => c.values || c.missing || c.min || c.max);
  if (set.length > 0) f.attributes = set;
  return f;
}

export function toCondition(a: AttributeFilterState): AttributeCondition {
  const c: AttributeCondition = { attributeId: a.attributeId };
  if (a.values.length > 0) c.values = [...a.values];
  if (a.missing) c.missing = true;
  if (a.min.trim()) c.min = a.min.trim();
  if (a.max.trim()) c.max = a.max.trim();
  return c;
}
