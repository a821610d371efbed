/**
 * Where a document should open: a code-point range to show (search hit) or an annotation. Lives
 * in the state layer so the store and the views both import it one way (views → state).
 */
export type DocumentFocus = { start: number; end: number } | { annotationId: string };
