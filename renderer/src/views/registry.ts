/**
 * The app's views beside the library and the document view (search, codebook, segments,
 * analysis, memos, …). Each feature adds one entry; the header shows everyday views as tabs and
 * occasional ones (`more: true`) in its "More" menu, and the router (`#/view/<id>`) renders them
 * with the store and the navigation functions.
 */
import type { ViewDef } from './view-props';
import { CodebookView } from './codebook/CodebookView';
import { MemosView } from './memos/MemosView';
import { ImportView } from './import/ImportView';
import { DocumentsView } from './import/DocumentsView';
import { SegmentsView } from './segments/SegmentsView';
import { AnalysisView } from './analysis/AnalysisView';
import { SearchView } from './search/SearchView';
import { SuggestView } from './suggest/SuggestView';
import { ExportView } from './export/ExportView';
import { CodersView } from './coders/CodersView';
import { AgreementView } from './agreement/AgreementView';
import { BackupsView } from './backups/BackupsView';

export type { DocumentFocus } from '../state/focus';
export type { Navigate, ViewDef, ViewProps } from './view-props';

export const VIEWS: ViewDef[] = [
  // Features add their views here, e.g. { id: 'search', labelKey: 'search.title', component: SearchView },
  { id: 'codebook', labelKey: 'codebook.title', component: CodebookView },
  { id: 'memos', labelKey: 'memos.title', component: MemosView },
  { id: 'import', labelKey: 'import.title', component: ImportView },
  { id: 'documents', labelKey: 'docs.title', component: DocumentsView },
  { id: 'segments', labelKey: 'segments.tab', component: SegmentsView },
  { id: 'analysis', labelKey: 'analysis.title', component: AnalysisView },
  { id: 'search', labelKey: 'search.title', component: SearchView },
  { id: 'suggest', labelKey: 'suggest.rules', component: SuggestView, more: true },
  { id: 'export', labelKey: 'exportView.title', component: ExportView, more: true },
  { id: 'coders', labelKey: 'coders.title', component: CodersView, more: true },
  { id: 'agreement', labelKey: 'agreement.title', component: AgreementView, more: true },
  { id: 'backups', labelKey: 'backups.title', component: BackupsView, more: true },
];
