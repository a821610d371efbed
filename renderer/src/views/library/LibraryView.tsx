/**
 * The library: every document with its length and its annotation counts per code. A click opens
 * it in the document view. The same list, compact, is the sidebar of the document view.
 * With a store, the table can be filtered by a document set and documents ticked to add them to
 * (or remove them from) a set (views/sets).
 */
import type { Code, DocumentSummary } from '../../../../shared/domain';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useFormat } from '../../i18n';
import { SplitDialog } from '../import/SplitDialog';
import type { Store } from '../../state/store';
import { DocumentMemoButton } from '../memos/DocumentMemoButton';
import { SetSelection, SetsColumn, useLibrarySets } from '../sets/LibrarySets';
import { LibraryExport } from '../document/reading/LibraryExport';

interface Props {
  documents: readonly DocumentSummary[];
  codes: readonly Code[];
  onOpen: (id: string) => void;
  /** Each row has a small document-memo button; sets are loaded through it. */
  store: Store;
}

export function CodeCounts({ doc, codes }: { doc: DocumentSummary; codes: readonly Code[] }) {
  const { t } = useI18n();
  return (
    <span className="pz-counts">
      {codes.map((code) => {
        const n = doc.annotationCounts[code.id] ?? 0;
        return (
          <span
            key={code.id}
            className={`pz-count${n === 0 ? ' is-zero' : ''}`}
            title={t('library.countTitle', { code: code.name, count: n })}
            aria-label={t('library.countTitle', { code: code.name, count: n })}
            data-code={code.name}
          >
            <span className="pz-swatch" style={{ background: code.color }} />
            {n}
          </span>
        );
      })}
    </span>
  );
}

export function LibraryView({ documents: all, codes, onOpen, store }: Props) {
  const { t } = useI18n();
  const fmt = useFormat();
  const sets = useLibrarySets(store, all);
  const documents = sets.documents;
  // The split dialog opens over the library: the view behind it stays the library.
  const [splitId, setSplitId] = useState<string | null>(null);
  return (
    <section className="pz-library" aria-labelledby="pz-library-title">
      <header className="pz-library-head">
        <h1 id="pz-library-title">{t('library.title')}</h1>
        <span className="pz-muted">{t('library.count', { count: documents.length })}</span>
        <LibraryExport store={store} documents={documents} selected={sets.selected} />
        <span className="pz-legend" aria-label={t('library.legend')}>
          {codes.map((c) => (
            <span key={c.id}>
              <span className="pz-swatch" style={{ background: c.color }} />
              {c.name}
            </span>
          ))}
        </span>
      </header>
      {sets.bar}
      {documents.length === 0 ? (
        <p className="pz-muted">{sets.filtered ? t('sets.emptyFilter') : t('library.empty')}</p>
      ) : (
        <table className="pz-table">
          <thead>
            <tr>
              <SetSelection sets={sets} />
              <th>{t('library.col.title')}</th>
              <th>{t('library.col.source')}</th>
              <th className="pz-num">{t('library.col.length')}</th>
              <th>{t('library.col.script')}</th>
              <th className="pz-library-annotations">{t('library.col.annotations')}</th>
              <SetsColumn sets={sets} />
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => (
              <tr key={doc.id} data-document-id={doc.id}>
                <SetSelection sets={sets} doc={doc} />
                <td>
                  <span className="pz-library-title">
                    <button type="button" className="pz-link pz-doc-link" onClick={() => onOpen(doc.id)}>
                      {doc.title}
                    </button>
                    <DocumentMemoButton store={store} doc={doc} />
                  </span>
                </td>
                <td className="pz-muted">{doc.sourceFile}</td>
                <td className="pz-num">{fmt.number(doc.length)}</td>
                <td className="pz-script" data-script={doc.script}>
                  {t(`script.${doc.script}`)}{' '}
                  <button
                    type="button"
                    className="pz-link pz-small pz-split-open"
                    onClick={() => setSplitId(doc.id)}
                  >
                    {t('split.open')}
                  </button>
                </td>
                <td>
                  <CodeCounts doc={doc} codes={codes} />
                </td>
                <SetsColumn sets={sets} doc={doc} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {splitId ? <SplitDialog store={store} documentId={splitId} onClose={() => setSplitId(null)} /> : null}
    </section>
  );
}
