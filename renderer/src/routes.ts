/**
 * Hash routes: `#/` library, `#/doc/<id>` a document (optionally `?from=S&to=E` to show a
 * code-point range, or `?ann=<id>` to select an annotation), `#/view/<id>` a registered view.
 * In the hash so that a reload returns to the same place and nothing reaches the server.
 */
import type { DocumentFocus } from './state/focus';

export type Route =
  | { kind: 'library' }
  | { kind: 'document'; id: string; focus: DocumentFocus | null }
  | { kind: 'view'; id: string };

export function parseRoute(hash: string): Route {
  const doc = /^#\/doc\/([^/?#]+)(?:\?(.*))?$/.exec(hash);
  if (doc?.[1]) {
    const params = new URLSearchParams(doc[2] ?? '');
    const from = Number(params.get('from'));
    const to = Number(params.get('to'));
    const ann = params.get('ann');
    let focus: DocumentFocus | null = null;
    if (ann) focus = { annotationId: ann };
    else if (params.has('from') && Number.isInteger(from) && Number.isInteger(to) && to > from)
      focus = { start: from, end: to };
    return { kind: 'document', id: decodeURIComponent(doc[1]), focus };
  }
  const view = /^#\/view\/([^/?#]+)/.exec(hash);
  if (view?.[1]) return { kind: 'view', id: decodeURIComponent(view[1]) };
  return { kind: 'library' };
}

export function documentHash(id: string, focus?: DocumentFocus): string {
  let query = '';
  if (focus && 'annotationId' in focus) query = `?ann=${encodeURIComponent(focus.annotationId)}`;
  else if (focus) query = `?from=${focus.start}&to=${focus.end}`;
  return `#/doc/${encodeURIComponent(id)}${query}`;
}
