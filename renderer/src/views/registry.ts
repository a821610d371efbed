/**
 * The app's views beside the library and the document view (search, codebook, segments,
 * analysis, memos, …). Each feature adds one entry; the header shows everyday views as tabs and
 * occasional ones (`more: true`) in its "More" menu, and the router (`#/view/<id>`) renders them
 * with the store and the navigation functions. Views are loaded on first use (lazy.ts).
 */
import type { ViewDef } from './view-props';
import { lazyView } from './lazy';

export type { DocumentFocus } from '../state/focus';
export type { Navigate, ViewDef, ViewProps } from './view-props';

export const VIEWS: ViewDef[] = [
  // Features add their views here: { id, labelKey, component: lazyView(() => import(…).then((m) => m.XView)) }.
  {
    id: 'codebook',
    labelKey: 'codebook.title',
    component: lazyView(() => import('./codebook/CodebookView').then((m) => m.CodebookView)),
  },
  {
    id: 'memos',
    labelKey: 'memos.title',
    component: lazyView(() => import('./memos/MemosView').then((m) => m.MemosView)),
  },
  {
    id: 'import',
    labelKey: 'import.title',
    component: lazyView(() => import('./import/ImportView').then((m) => m.ImportView)),
  },
  {
    id: 'documents',
    labelKey: 'docs.title',
    component: lazyView(() => import('./import/DocumentsView').then((m) => m.DocumentsView)),
  },
  {
    id: 'segments',
    labelKey: 'segments.tab',
    component: lazyView(() => import('./segments/SegmentsView').then((m) => m.SegmentsView)),
  },
  {
    id: 'analysis',
    labelKey: 'analysis.title',
    component: lazyView(() => import('./analysis/AnalysisView').then((m) => m.AnalysisView)),
  },
  {
    id: 'search',
    labelKey: 'search.title',
    component: lazyView(() => import('./search/SearchView').then((m) => m.SearchView)),
  },
  {
    id: 'suggest',
    labelKey: 'suggest.rules',
    component: lazyView(() => import('./suggest/SuggestView').then((m) => m.SuggestView)),
    more: true,
  },
  {
    id: 'export',
    labelKey: 'exportView.title',
    component: lazyView(() => import('./export/ExportView').then((m) => m.ExportView)),
    more: true,
  },
  {
    id: 'coders',
    labelKey: 'coders.title',
    component: lazyView(() => import('./coders/CodersView').then((m) => m.CodersView)),
    more: true,
  },
  {
    id: 'agreement',
    labelKey: 'agreement.title',
    component: lazyView(() => import('./agreement/AgreementView').then((m) => m.AgreementView)),
    more: true,
  },
  {
    id: 'backups',
    labelKey: 'backups.title',
    component: lazyView(() => import('./backups/BackupsView').then((m) => m.BackupsView)),
    more: true,
  },
];
