/**
 * The exchange import dialog: a REFI-QDA file (.qdpx / .qde / .qdc) or another Pizhu project
 * (.pizhu) is read (`interop-preview`): what it holds, how many documents are already in the
 * project, and the codes without a match, each of which the user creates or maps to one of ours.
 * Then it is merged (`interop-import`, one undo step) and the report says what was imported and
 * what could not be carried over.
 */
import { useEffect, useRef, useState } from 'react';
import type { InteropPreview, InteropReport, InteropWarning } from '../../../../shared/contracts/interop';
import { translateError, useI18n, type Translate } from '../../i18n';
import type { MessageKey } from '../../i18n/catalog';
import { asPizhuError, useStore, type Store } from '../../state/store';
import { fileToBase64 } from '../import/files';
import './interop.css';

export const INTEROP_ACCEPT = '.qdpx,.qde,.qdc,.pizhu';

export function isExchangeFile(name: string): boolean {
  return /\.(qdpx|qde|qdc|pizhu)$/i.test(name);
}

function Warnings({ t, warnings }: { t: Translate; warnings: InteropWarning[] }) {
  if (warnings.length === 0) return <p className="pz-ok">{t('interop.nothingLost')}</p>;
  return (
    <ul className="pz-interop-warnings">
      {warnings.map((w) => (
        <li key={w.kind} data-kind={w.kind}>
          {t(`interop.warn.${w.kind}` as MessageKey, { count: w.count })}
          {w.items.length > 0 ? <span className="pz-muted pz-small"> — {w.items.join('、')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Report({ t, report }: { t: Translate; report: InteropReport }) {
  return (
    <div className="pz-interop-report" data-testid="interop-report">
      <h3>{t('interop.report')}</h3>
      <ul>
        <li>{t('interop.r.documents', report.documents)}</li>
        <li>{t('interop.r.codes', report.codes)}</li>
        <li>{t('interop.r.coders', report.coders)}</li>
        <li>{t('interop.r.annotations', report.annotations)}</li>
        <li>{t('interop.r.memos', report.memos)}</li>
        <li>{t('interop.r.attributes', report.attributes)}</li>
        <li>{t('interop.r.sets', report.sets)}</li>
      </ul>
      <h3>{t('interop.lost')}</h3>
      <Warnings t={t} warnings={report.warnings} />
      <p className="pz-muted pz-small">{t('interop.undoHint')}</p>
    </div>
  );
}

export function InteropDialog({ store, file, onClose }: { store: Store; file: File; onClose: () => void }) {
  const { t } = useI18n();
  const codes = useStore(store, (s) => s.codes);
  const ref = useRef<HTMLDialogElement>(null);
  const [content, setContent] = useState<string | null>(null);
  const [preview, setPreview] = useState<InteropPreview | null>(null);
  const [map, setMap] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<InteropReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ref.current?.showModal();
    let live = true;
    void (async () => {
      try {
        const base64 = await fileToBase64(file);
        const p = await store.api.call('interop-preview', { fileName: file.name, contentBase64: base64 });
        if (!live) return;
        setContent(base64);
        setPreview(p);
      } catch (err) {
        if (live) setError(translateError(t, asPizhuError(err)));
      }
    })();
    return () => {
      live = false;
    };
  }, [file, store, t]);

  const paths = new Map<string, string>();
  const pathOf = (id: string): string => {
    const known = paths.get(id);
    if (known) return known;
    const c = codes.find((x) => x.id === id);
    const p = c ? (c.parentId ? `${pathOf(c.parentId)} > ${c.name}` : c.name) : '';
    paths.set(id, p);
    return p;
  };

  const doImport = async () => {
    if (content === null) return;
    setBusy(true);
    try {
      const result = await store.api.call('interop-import', {
        fileName: file.name,
        contentBase64: content,
        codeMap: Object.fromEntries(Object.entries(map).filter(([, id]) => id !== '')),
      });
      setReport(result.report);
      await store.refreshProject();
    } catch (err) {
      setError(translateError(t, asPizhuError(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="pz-dialog pz-interop"
      aria-label={t('interop.title', { file: file.name })}
      onClose={onClose}
      onCancel={onClose}
    >
      <h2>{t('interop.title', { file: file.name })}</h2>
      {error ? (
        <p className="pz-error" role="alert">
          {error}
        </p>
      ) : null}
      {!preview && !error ? <p className="pz-muted">{t('interop.reading')}</p> : null}
      {preview && !report ? (
        <div className="pz-interop-preview">
          <p>
            {t('interop.summary', {
              origin: preview.origin || preview.format,
              documents: preview.documents,
              matched: preview.matchedDocuments,
              codes: preview.codes,
              annotations: preview.annotations,
            })}
          </p>
          {preview.coders.length > 0 ? (
            <p className="pz-muted">{t('interop.coders', { names: preview.coders.join('、') })}</p>
          ) : null}
          {preview.unmatchedCodes.length > 0 ? (
            <fieldset className="pz-interop-map">
              <legend>{t('interop.unmatched')}</legend>
              {preview.unmatchedCodes.map((u) => (
                <label key={u.path} data-path={u.path}>
                  <span>
                    {u.path} <span className="pz-muted pz-small">({u.annotationCount})</span>
                  </span>
                  <select
                    value={map[u.path] ?? ''}
                    onChange={(e) => setMap((m) => ({ ...m, [u.path]: e.target.value }))}
                  >
                    <option value="">{t('interop.create')}</option>
                    {codes.map((c) => (
                      <option key={c.id} value={c.id}>
                        {t('interop.mapTo', { path: pathOf(c.id) })}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          ) : null}
          <h3>{t('interop.lost')}</h3>
          <Warnings t={t} warnings={preview.warnings} />
        </div>
      ) : null}
      {report ? <Report t={t} report={report} /> : null}
      <div className="pz-dialog-actions">
        {report || error ? (
          <button type="button" onClick={() => ref.current?.close()}>
            {t('interop.close')}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => ref.current?.close()} disabled={busy}>
              {t('interop.cancel')}
            </button>
            <button
              type="button"
              className="pz-primary"
              onClick={() => void doImport()}
              disabled={!preview || busy}
            >
              {busy ? t('interop.importing') : t('interop.import')}
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}
