/**
 * The import view (导入): choose files or a folder, or drop them anywhere on the window; per file
 * the detected encoding (with an override) and a live before/after preview of the selected
 * cleaning steps with their counts and warnings; then import with a progress bar, per-file
 * results and cancel. `#/view/import?split=<id>` opens the split dialog for a document.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  CLEANING_STEPS,
  IMPORT_ENCODINGS,
  type ImportPreview,
  type ImportWarning,
} from '../../../../shared/import';
import { translateError, useI18n, type Translate } from '../../i18n';
import { useFormat } from '../../i18n';
import type { MessageKey } from '../../i18n/catalog';
import type { ViewProps } from '../view-props';
import { SplitDialog } from './SplitDialog';
import type { ImportItem } from './files';
import { removedPieces } from './diff';
import { duplicateOf, useImportQueue } from './useImportQueue';
import { onDroppedFiles, takeDroppedFiles } from './dropzone';
import { INTEROP_ACCEPT, InteropDialog, isExchangeFile } from '../interop/InteropDialog';
import './import.css';

function splitTarget(): string | null {
  const m = /[?&]split=([^&]+)/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

function warningText(t: Translate, w: ImportWarning): string {
  switch (w.kind) {
    case 'invalid-bytes':
      return w.lines && w.lines.length > 0
        ? t('import.warn.invalid-lines', { count: w.count, lines: w.lines.join(', ') })
        : t('import.warn.invalid-bytes', { count: w.count, positions: w.positions.join(', ') });
    case 'mixed-encoding':
      return t('import.warn.mixed-encoding', {
        count: w.count,
        encoding: w.encoding,
        lines: w.lines.join(', '),
      });
    case 'encoding-guess':
      return t('import.warn.encoding-guess', { encoding: w.encoding, alternative: w.alternative });
    case 'mojibake':
      return t('import.warn.mojibake', { count: w.count, sample: w.samples[0]?.text ?? '' });
    case 'duplicate':
      return t('import.warn.duplicate', { title: w.title });
  }
}

function Detection({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  const d = preview.detection;
  const method = t(`import.method.${d.method}` as MessageKey, { confidence: d.confidence ?? '' });
  return (
    <span className="pz-import-detected" data-encoding={d.encoding}>
      {d.encoding === 'embedded'
        ? t('import.detected.embedded')
        : t('import.detected', { encoding: d.encoding })}
      <span className="pz-muted"> · {method}</span>
    </span>
  );
}

function StatusText({ item, skipDuplicates }: { item: ImportItem; skipDuplicates: boolean }) {
  const { t } = useI18n();
  const s = item.status;
  const duplicate = duplicateOf(item);
  switch (s.kind) {
    case 'pending':
      return duplicate ? (
        <span className="pz-import-duplicate" data-duplicate="true">
          {t(skipDuplicates ? 'import.status.willSkip' : 'import.status.duplicate', {
            title: duplicate.title,
          })}
        </span>
      ) : (
        <span className="pz-muted">{t('import.status.pending')}</span>
      );
    case 'imported':
      return (
        <span className="pz-ok">{t('import.status.imported', { count: s.result.documents.length })}</span>
      );
    case 'skipped':
      return (
        <span className="pz-muted">
          {t('import.status.skipped', { title: s.result.duplicateOf?.title ?? '' })}
        </span>
      );
    case 'failed':
      return (
        <span className="pz-error">{t('import.status.failed', { reason: translateError(t, s.error) })}</span>
      );
    case 'cancelled':
      return <span className="pz-muted">{t('import.status.cancelled')}</span>;
  }
}

export function ImportView({ store, navigate }: ViewProps) {
  const { t } = useI18n();
  const fmt = useFormat();
  const q = useImportQueue(store);
  const [dragging, setDragging] = useState(false);
  const [splitId, setSplitId] = useState<string | null>(splitTarget);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const exchangeInput = useRef<HTMLInputElement>(null);
  const [exchange, setExchange] = useState<File | null>(null);
  const { addFiles: addDocuments } = q;
  // Exchange files (REFI-QDA, another project) go to their own dialog; the rest are documents.
  const addFiles = useCallback(
    (files: Iterable<File>) => {
      const list = [...files];
      const other = list.find((f) => isExchangeFile(f.name));
      if (other) setExchange(other);
      addDocuments(list.filter((f) => !isExchangeFile(f.name)));
    },
    [addDocuments],
  );

  useEffect(() => {
    const onHash = () => setSplitId(splitTarget());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Files dropped anywhere on the window (dropzone.ts) land here; the overlay shows while dragging.
  useEffect(() => {
    const take = () => {
      const files = takeDroppedFiles();
      if (files.length > 0) addFiles(files);
    };
    take();
    const off = onDroppedFiles(take);
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = () => setDragging(false);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      off();
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [addFiles]);

  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  // A duplicate that will be skipped is not a file to import.
  const pending = q.items.filter(
    (i) =>
      (i.status.kind === 'pending' || i.status.kind === 'cancelled') &&
      !(q.settings.skipDuplicates && duplicateOf(i)),
  ).length;
  const current = q.current;
  const preview = current?.preview ?? null;

  return (
    <section className="pz-import" aria-labelledby="pz-import-title">
      {dragging ? <div className="pz-drop-overlay">{t('import.dropHere')}</div> : null}
      <header className="pz-library-head">
        <h1 id="pz-import-title">{t('import.title')}</h1>
        <span className="pz-muted">{t('import.intro')}</span>
      </header>
      <div className="pz-import-pick">
        <button type="button" onClick={() => filesInput.current?.click()} disabled={q.run.running}>
          {t('import.pickFiles')}
        </button>
        <button type="button" onClick={() => folderInput.current?.click()} disabled={q.run.running}>
          {t('import.pickFolder')}
        </button>
        <button
          type="button"
          onClick={() => exchangeInput.current?.click()}
          disabled={q.run.running}
          title={t('interop.hint')}
        >
          {t('interop.open')}
        </button>
        <span className="pz-muted pz-small">{t('import.dropHint')}</span>
        <input
          ref={exchangeInput}
          type="file"
          hidden
          data-testid="interop-file"
          accept={INTEROP_ACCEPT}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) setExchange(f);
            e.target.value = '';
          }}
        />
        {exchange ? <InteropDialog store={store} file={exchange} onClose={() => setExchange(null)} /> : null}
        <input
          ref={filesInput}
          type="file"
          multiple
          hidden
          data-testid="import-files"
          accept={`.txt,.text,.md,.markdown,.docx,.html,.htm,.pdf,${INTEROP_ACCEPT}`}
          onChange={(e) => {
            if (e.target.files) addFiles(e.target.files);
            e.target.value = '';
          }}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          onChange={(e) => {
            if (e.target.files) addFiles(e.target.files);
            e.target.value = '';
          }}
        />
      </div>

      <div className="pz-import-grid">
        <div className="pz-import-files">
          <h2>
            {t('import.files', { count: q.items.length })}
            {q.items.length > 0 ? (
              <button type="button" className="pz-link pz-small" onClick={q.clear} disabled={q.run.running}>
                {t('import.clear')}
              </button>
            ) : null}
          </h2>
          {q.items.length === 0 ? <p className="pz-muted">{t('import.noFiles')}</p> : null}
          <ul>
            {q.items.map((item) => (
              <li
                key={item.key}
                className={`pz-import-file${item.key === current?.key ? ' is-current' : ''}`}
                data-file={item.file.name}
              >
                <button type="button" className="pz-link" onClick={() => q.select(item.key)}>
                  {item.label}
                </button>
                {item.preview ? (
                  <input
                    className="pz-import-title"
                    aria-label={t('import.titleLabel')}
                    placeholder={item.preview.title}
                    value={item.title}
                    disabled={q.run.running || item.status.kind !== 'pending'}
                    onChange={(e) => q.setTitle(item.key, e.target.value)}
                  />
                ) : null}
                <div className="pz-import-file-meta">
                  <label>
                    {t('import.encoding')}{' '}
                    <select
                      className="pz-import-encoding"
                      value={item.encoding}
                      disabled={q.run.running}
                      onChange={(e) => {
                        q.select(item.key);
                        q.setEncoding(item.key, e.target.value as ImportItem['encoding']);
                      }}
                    >
                      <option value="auto">{t('import.encoding.auto')}</option>
                      {IMPORT_ENCODINGS.map((enc) => (
                        <option key={enc} value={enc}>
                          {enc}
                        </option>
                      ))}
                    </select>
                  </label>
                  {item.preview ? <Detection preview={item.preview} /> : null}
                  {item.preview ? (
                    <span className="pz-import-script" data-script={item.preview.script}>
                      {t('import.script', { script: t(`script.${item.preview.script}`) })}
                    </span>
                  ) : null}
                  {item.preview && item.preview.splits.length > 1 ? (
                    <label>
                      <input
                        type="checkbox"
                        checked={item.splitOnImport}
                        onChange={(e) => q.setSplitOnImport(item.key, e.target.checked)}
                        disabled={q.run.running}
                      />{' '}
                      {t('import.splitOnImport')} ({t('import.splits', { count: item.preview.splits.length })}
                      )
                    </label>
                  ) : null}
                </div>
                <div className="pz-import-file-status">
                  <StatusText item={item} skipDuplicates={q.settings.skipDuplicates} />
                  {item.status.kind === 'pending' && !q.run.running ? (
                    <button type="button" className="pz-link pz-small" onClick={() => q.remove(item.key)}>
                      {t('import.remove')}
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </div>

        <div className="pz-import-settings">
          <fieldset>
            <legend>{t('import.cleaning')}</legend>
            {CLEANING_STEPS.map((step) => {
              const count = preview?.steps.find((s) => s.step === step)?.count;
              return (
                <label key={step} className="pz-import-step" data-step={step}>
                  <input
                    type="checkbox"
                    checked={q.settings.cleaning.includes(step)}
                    disabled={q.run.running}
                    onChange={(e) =>
                      q.setSettings((s) => ({
                        ...s,
                        cleaning: e.target.checked
                          ? CLEANING_STEPS.filter((x) => x === step || s.cleaning.includes(x))
                          : s.cleaning.filter((x) => x !== step),
                      }))
                    }
                  />{' '}
                  {t(`import.step.${step}`)}
                  {count !== undefined ? (
                    <span className="pz-import-count"> {t('import.stepCount', { count })}</span>
                  ) : null}
                </label>
              );
            })}
            <label className="pz-import-patterns">
              {t('import.patterns')}
              <textarea
                rows={2}
                value={q.settings.patterns}
                disabled={q.run.running}
                onChange={(e) => q.setSettings((s) => ({ ...s, patterns: e.target.value }))}
              />
            </label>
            <label>
              <input
                type="checkbox"
                checked={q.settings.skipDuplicates}
                disabled={q.run.running}
                onChange={(e) => q.setSettings((s) => ({ ...s, skipDuplicates: e.target.checked }))}
              />{' '}
              {t('import.skipDuplicates')}
            </label>
          </fieldset>
          <div className="pz-import-run">
            {q.run.running ? (
              <>
                <progress max={q.run.total} value={q.run.done} />
                <span>
                  {t(q.run.indexing ? 'import.indexing' : 'import.progress', {
                    done: q.run.done,
                    total: q.run.total,
                  })}
                </span>
                <button type="button" onClick={q.cancel}>
                  {t('import.cancel')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="pz-primary pz-import-start"
                disabled={pending === 0}
                onClick={() => void q.start()}
              >
                {t('import.start', { count: pending })}
              </button>
            )}
          </div>
        </div>
      </div>

      {current ? (
        <div className="pz-import-preview" aria-busy={q.previewing}>
          <h2>{t('import.previewOf', { file: current.label })}</h2>
          {current.previewError ? (
            <p className="pz-error" role="alert">
              {translateError(t, current.previewError)}
            </p>
          ) : null}
          {q.previewing && !preview ? <p className="pz-muted">{t('import.previewing')}</p> : null}
          {preview ? (
            <>
              <p className="pz-import-summary">
                <Detection preview={preview} /> ·{' '}
                {t('import.script', { script: t(`script.${preview.script}`) })} ·{' '}
                <span className="pz-import-length">
                  {t('import.length', { count: fmt.number(preview.length) })}
                </span>
                {preview.splits.length > 1 ? (
                  <> · {t('import.splits', { count: preview.splits.length })}</>
                ) : null}
              </p>
              {preview.warnings.length > 0 ? (
                <ul className="pz-import-warnings">
                  {preview.warnings.map((w, i) => (
                    <li key={i} data-warning={w.kind}>
                      {warningText(t, w)}
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="pz-import-compare">
                <div>
                  <h3>{t('import.before')}</h3>
                  <pre className="pz-import-before">
                    {removedPieces(preview.before, preview.after).map((p, i) =>
                      p.removed ? (
                        <del key={i} className="pz-removed" title={t('import.removed')}>
                          {p.text}
                        </del>
                      ) : (
                        <span key={i}>{p.text}</span>
                      ),
                    )}
                  </pre>
                </div>
                <div>
                  <h3>{t('import.after')}</h3>
                  <pre className="pz-import-after">{preview.after}</pre>
                </div>
              </div>
            </>
          ) : null}
        </div>
      ) : null}

      {splitId ? (
        <SplitDialog
          store={store}
          documentId={splitId}
          onClose={(split) => {
            setSplitId(null);
            if (split) navigate.toLibrary();
            else history.back();
          }}
        />
      ) : null}
    </section>
  );
}
