/**
 * The app shell: header (with the registered views as tabs), the library sidebar, and the main
 * area (library table, the open document, or a view). Where the user is lives in the URL hash
 * (routes.ts) so a reload returns to it.
 * Global shortcuts: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redo.
 */
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Header } from './components/Header';
import { ReadOnlyBanner } from './views/backups/ReadOnlyBanner';
import { Toasts } from './components/Toasts';
import { translateError, useI18n } from './i18n';
import { useFormat } from './i18n';
import { selectionColor } from '../../shared/colors';
import { useStore, type Store } from './state/store';
import { DocumentView } from './views/document/DocumentView';
import { writeHighlightRules } from './views/document/highlights';
import { CodeCounts, LibraryView } from './views/library/LibraryView';
import { VIEWS, type Navigate } from './views/registry';
import { documentHash, parseRoute, type Route } from './routes';
import { installGlobalDrop } from './views/import/dropzone';
import { useNavSets } from './views/sets/LibrarySets';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export function App({ store }: { store: Store }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const ready = useStore(store, (s) => s.ready);
  const loadError = useStore(store, (s) => s.loadError);
  const documents = useStore(store, (s) => s.documents);
  const codes = useStore(store, (s) => s.codes);
  const documentId = useStore(store, (s) => s.documentId);
  const doc = useStore(store, (s) => s.document);
  const documentError = useStore(store, (s) => s.documentError);
  // The sidebar lists the documents of the library's set filter (views/sets).
  const nav = useNavSets(store, documents);

  // Selected text must never look like coded text: a selection colour no code uses. The codes'
  // highlight colours are in place before a document's text is styled (a new rule restyles all).
  useEffect(() => {
    document.documentElement.style.setProperty('--pz-selection', selectionColor(codes.map((c) => c.color)));
    writeHighlightRules(codes);
  }, [codes]);

  const route = useRoute();
  // Error toasts belong to the view they came from.
  const where =
    route.kind === 'view' ? `view:${route.id}` : route.kind === 'document' ? `doc:${route.id}` : 'library';
  useEffect(() => store.dismissErrors(), [store, where]);
  const routeDoc = route.kind === 'document' ? route.id : null;
  const routeFocus = route.kind === 'document' ? route.focus : null;
  useEffect(() => {
    void store.openDocument(routeDoc, routeFocus);
  }, [store, routeDoc, routeFocus]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const target = e.target as HTMLElement | null;
      // Text fields keep their own undo.
      if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void store.undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        void store.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const navigate = useMemo<Navigate>(
    () => ({
      toLibrary: () => (location.hash = '#/'),
      toView: (id) => (location.hash = `#/view/${encodeURIComponent(id)}`),
      toDocument: (id, focus) => (location.hash = documentHash(id, focus)),
    }),
    [],
  );
  // Files dropped anywhere open the import view with them (views/import/dropzone.ts).
  useEffect(() => installGlobalDrop(() => navigate.toView('import')), [navigate]);
  const open = useCallback(
    (id: string | null) => (id ? navigate.toDocument(id) : navigate.toLibrary()),
    [navigate],
  );
  const view = route.kind === 'view' ? VIEWS.find((v) => v.id === route.id) : undefined;

  let main;
  if (!ready) main = <p className="pz-center pz-muted">{t('status.loading')}</p>;
  else if (loadError)
    main = (
      <p className="pz-center pz-error" role="alert">
        {translateError(t, loadError)}
      </p>
    );
  else if (view)
    // Views load on first use (views/lazy.ts).
    main = (
      <Suspense fallback={<p className="pz-center pz-muted">{t('status.loading')}</p>}>
        <view.component store={store} navigate={navigate} />
      </Suspense>
    );
  else if (documentId === null)
    main = <LibraryView documents={documents} codes={codes} onOpen={open} store={store} />;
  else if (documentError)
    main = (
      <p className="pz-center pz-error" role="alert">
        {translateError(t, documentError)}
      </p>
    );
  else if (!doc) main = <p className="pz-center pz-muted">{t('document.loading')}</p>;
  else main = <DocumentView key={doc.id} store={store} document={doc} />;

  return (
    <div className="pz-app">
      <Header
        store={store}
        onHome={() => open(null)}
        views={VIEWS}
        currentView={route.kind === 'view' ? route.id : route.kind}
        navigate={navigate}
      />
      <ReadOnlyBanner store={store} />
      <div className="pz-body">
        <nav className="pz-nav" aria-label={t('nav.library')}>
          <h2 className="pz-nav-title">{t('nav.library')}</h2>
          {nav.label}
          <ul>
            {nav.documents.map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  className={`pz-nav-item${d.id === documentId ? ' is-current' : ''}`}
                  onClick={() => open(d.id)}
                  aria-current={d.id === documentId ? 'page' : undefined}
                >
                  <span className="pz-nav-doc-title">{d.title}</span>
                  <span className="pz-nav-doc-meta">
                    <span className="pz-muted">{t('library.chars', { count: fmt.number(d.length) })}</span>
                    <CodeCounts doc={d} codes={codes} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="pz-main">{main}</main>
      </div>
      <Toasts store={store} />
    </div>
  );
}
