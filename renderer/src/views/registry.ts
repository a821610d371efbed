/**
 * The app's views beside the library and the document view (search, codebook, segments,
 * analysis, memos, …). Each feature adds one entry; the header shows them as tabs and the router
 * (`#/view/<id>`) renders them with the store and the navigation functions.
 */
import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/catalog';
import type { Store } from '../state/store';
import { SearchView } from './search/SearchView';

/** Where a document should open: a code-point range to show (search hit) or an annotation. */
export type DocumentFocus = { start: number; end: number } | { annotationId: string };

export interface Navigate {
  toLibrary(): void;
  toView(id: string): void;
  toDocument(documentId: string, focus?: DocumentFocus): void;
}

export interface ViewProps {
  store: Store;
  navigate: Navigate;
}

export interface ViewDef {
  id: string;
  labelKey: MessageKey;
  component: ComponentType<ViewProps>;
}

export const VIEWS: ViewDef[] = [
  // Features add their views here, e.g. { id: 'search', labelKey: 'search.title', component: SearchView },
  { id: 'search', labelKey: 'search.title', component: SearchView },
];
