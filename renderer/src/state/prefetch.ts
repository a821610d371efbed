/**
 * The first API requests of a session, started by the entry module (main.tsx) while the app's
 * code loads: the project's lists and, when the URL opens a document, that document, and its
 * annotations once the text has arrived or the app opens the document, whichever comes first
 * (the same core process serves the app's code, which is asked for first, and a long annotation
 * list answered before it would hold it up). The store (store.ts) takes these promises instead
 * of asking again.
 * Each is used at most once, and the document's only by the first `openDocument` of the same id.
 */
import type { ApiClient } from '../../../shared/api';
import type { AnnotationSpans } from '../../../shared/contracts/annotation-spans';
import type { Code, Coder, DocumentDetail, DocumentSummary, HistoryState } from '../../../shared/domain';
import type { Route } from '../routes';

export type ProjectLists = [DocumentSummary[], Code[], Coder[], HistoryState];

export interface EarlyDocument {
  id: string;
  document: Promise<DocumentDetail>;
  /** Starts the request on the first call; later calls return the same promise. */
  annotations: () => Promise<AnnotationSpans>;
}

export interface Prefetched {
  project: Promise<ProjectLists>;
  document: EarlyDocument | null;
}

/** The lists the app shell needs before it shows anything (the store's `init`). */
export function fetchProjectLists(api: ApiClient): Promise<ProjectLists> {
  return Promise.all([
    api.call('documents-list', {}),
    api.call('codes-list', {}),
    api.call('coders-list', {}),
    api.call('history-state', {}),
  ]);
}

/** A promise whose rejection is left to whoever takes it, without an "unhandled" report before. */
function held<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

export function prefetch(api: ApiClient, route: Route): Prefetched {
  const project = held(fetchProjectLists(api));
  if (route.kind !== 'document') return { project, document: null };
  const { id } = route;
  let annotations: Promise<AnnotationSpans> | null = null;
  const spans = () => (annotations ??= held(api.call('annotations-spans', { documentId: id })));
  const document = held(api.call('documents-get', { id }));
  // Asked for as soon as the text has arrived (or failed), unless the store's openDocument asked
  // first: by then the app's code has been asked for, so the core serves it first, and then lists
  // the annotations while the renderer is still loading that code.
  void document.then(spans, spans);
  return { project, document: { id, document, annotations: spans } };
}
