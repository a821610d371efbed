/**
 * 编码员 (coders): the project's coders with their colour, name, annotation count, which one is
 * current, archive / restore; adding a coder; importing a span file as a coder (the same checks
 * as `npm run cli -- import-annotations`); exporting annotations as spans. Every change except
 * choosing the current coder is one undoable command.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { SpansImportSummary } from '../../../../shared/contracts/coders';
import type { Coder } from '../../../../shared/domain';
import { saveFile } from '../../api/client';
import { useI18n } from '../../i18n';
import { useFormat } from '../../i18n';
import { useStore } from '../../state/store';
import type { ViewProps } from '../view-props';
import { coderWrite, setCurrentCoder } from './actions';
import './coders.css';

function CoderRow({ coder, store }: { coder: Coder; store: ViewProps['store'] }) {
  const format = useFormat();
  const { t } = useI18n();
  const [name, setName] = useState(coder.name);
  const commitName = () => {
    const next = name.trim();
    if (next === '' || next === coder.name) {
      setName(coder.name);
      return;
    }
    void coderWrite(store, () => store.api.call('coders-update', { id: coder.id, name: next })).then((r) => {
      if (!r) setName(coder.name);
    });
  };
  return (
    <tr data-testid="coder-row" className={coder.archived ? 'is-archived' : undefined}>
      <td>
        <input
          type="color"
          value={coder.color}
          aria-label={t('coders.color', { name: coder.name })}
          onChange={(e) => {
            const color = e.target.value;
            void coderWrite(store, () => store.api.call('coders-update', { id: coder.id, color }));
          }}
        />
      </td>
      <td>
        <input
          className="pz-coder-name-input"
          value={name}
          aria-label={t('coders.name')}
          onChange={(e) => setName(e.target.value)}
          onBlur={commitName}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') setName(coder.name);
          }}
        />
      </td>
      <td className="pz-num">{format.number(coder.annotationCount)}</td>
      <td>
        {coder.isCurrent ? (
          <strong>{t('coders.isCurrent')}</strong>
        ) : coder.archived ? (
          <span className="pz-muted">{t('coders.archived')}</span>
        ) : (
          <button type="button" onClick={() => void setCurrentCoder(store, coder.id)}>
            {t('coders.makeCurrent')}
          </button>
        )}
      </td>
      <td>
        {coder.isCurrent ? null : (
          <button
            type="button"
            onClick={() =>
              void coderWrite(store, () =>
                store.api.call('coders-archive', { id: coder.id, archived: !coder.archived }),
              )
            }
          >
            {coder.archived ? t('coders.restore') : t('coders.archive')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function CodersView({ store }: ViewProps) {
  const { t } = useI18n();
  const coders = useStore(store, (s) => s.coders);
  const [newName, setNewName] = useState('');
  const [importName, setImportName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [createCodes, setCreateCodes] = useState(false);
  const [summary, setSummary] = useState<SpansImportSummary | null>(null);
  const [exportCoder, setExportCoder] = useState('');
  // Annotation counts change as people code elsewhere: start from fresh ones.
  useEffect(() => {
    void store.refreshProject();
  }, [store]);

  const create = (e: FormEvent) => {
    e.preventDefault();
    const name = newName.trim();
    if (!name) return;
    void coderWrite(store, () => store.api.call('coders-create', { name })).then((r) => {
      if (r) setNewName('');
    });
  };

  const importFile = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || importName.trim() === '') return;
    const content = await file.text();
    const r = await coderWrite(store, () =>
      store.api.call('spans-import', { coder: importName.trim(), content, createCodes }),
    );
    if (r) {
      setSummary(r);
      store.toast({
        tone: 'info',
        message: { key: 'coders.imported', params: { count: r.created, name: r.coder.name } },
      });
    }
  };

  const exportSpans = async () => {
    try {
      const f = await store.api.call('spans-export', exportCoder ? { coderIds: [exportCoder] } : {});
      const path = await saveFile(f.fileName, f.content, f.mimeType);
      if (path !== null)
        store.toast({
          tone: 'info',
          message: { key: 'export.done', params: { count: f.rowCount, file: path } },
        });
    } catch (err) {
      store.toast({ tone: 'error', error: err as never });
    }
  };

  return (
    <section className="pz-coders" aria-labelledby="coders-title">
      <h1 id="coders-title">{t('coders.title')}</h1>
      <p className="pz-muted">{t('coders.intro')}</p>
      <table className="pz-coder-table">
        <thead>
          <tr>
            <th>{t('coders.colColor')}</th>
            <th>{t('coders.name')}</th>
            <th className="pz-num">{t('coders.colCount')}</th>
            <th>{t('coders.colCurrent')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {coders.map((c) => (
            <CoderRow key={`${c.id}/${c.name}`} coder={c} store={store} />
          ))}
        </tbody>
      </table>
      <form className="pz-coder-form" onSubmit={create}>
        <input
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          placeholder={t('coders.newName')}
          aria-label={t('coders.newName')}
        />
        <button type="submit" disabled={newName.trim() === ''}>
          {t('coders.add')}
        </button>
      </form>

      <h2>{t('coders.importTitle')}</h2>
      <p className="pz-muted pz-small">{t('coders.importHelp')}</p>
      <form className="pz-coder-form" onSubmit={(e) => void importFile(e)}>
        <input
          value={importName}
          onChange={(e) => setImportName(e.target.value)}
          placeholder={t('coders.importAs')}
          aria-label={t('coders.importAs')}
          list="pz-coder-names"
        />
        <datalist id="pz-coder-names">
          {coders.map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
        <input
          type="file"
          accept=".jsonl,.json,.ndjson,.txt"
          aria-label={t('coders.importFile')}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <label>
          <input type="checkbox" checked={createCodes} onChange={(e) => setCreateCodes(e.target.checked)} />{' '}
          {t('coders.createCodes')}
        </label>
        <button type="submit" disabled={!file || importName.trim() === ''}>
          {t('coders.import')}
        </button>
      </form>
      {summary ? (
        <p role="status" data-testid="spans-summary">
          {t('coders.importSummary', {
            name: summary.coder.name,
            created: summary.created,
            duplicates: summary.duplicates,
            documents: summary.documents,
            codes: summary.codesCreated.length,
          })}
        </p>
      ) : null}

      <h2>{t('coders.exportTitle')}</h2>
      <div className="pz-coder-form">
        <select
          value={exportCoder}
          onChange={(e) => setExportCoder(e.target.value)}
          aria-label={t('coders.exportWho')}
        >
          <option value="">{t('coders.exportAll')}</option>
          {coders.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void exportSpans()}>
          {t('coders.export')}
        </button>
      </div>
    </section>
  );
}
