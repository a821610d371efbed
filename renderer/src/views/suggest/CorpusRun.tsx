/**
 * Suggestions over the whole corpus: runs `suggest-document` document by document with a
 * progress bar and a cancel button (the UI stays responsive; a cancelled run keeps what it has),
 * then accepts every suggestion at or above the threshold in ONE call: one undo step.
 */
import { useRef, useState } from 'react';
import type { Suggestion } from '../../../../shared/contracts/suggest';
import { useI18n } from '../../i18n';
import { documentHash } from '../../routes';
import { asPizhuError, useStore, type Store } from '../../state/store';
import { formatScore, useThreshold } from './prefs';

interface Run {
  done: number;
  total: number;
  running: boolean;
  cancelled: boolean;
  found: { documentId: string; title: string; list: Suggestion[] }[];
}

export function CorpusRun({ store }: { store: Store }) {
  const { t, locale } = useI18n();
  const documents = useStore(store, (s) => s.documents);
  const coders = useStore(store, (s) => s.coders);
  const [threshold, setThreshold] = useThreshold();
  const [coderId, setCoderId] = useState('');
  const [run, setRun] = useState<Run | null>(null);
  const cancel = useRef(false);

  const start = async () => {
    cancel.current = false;
    const docs = documents.map((d) => ({ id: d.id, title: d.title }));
    const found: Run['found'] = [];
    setRun({ done: 0, total: docs.length, running: true, cancelled: false, found });
    for (let i = 0; i < docs.length; i++) {
      if (cancel.current) {
        setRun({ done: i, total: docs.length, running: false, cancelled: true, found: [...found] });
        return;
      }
      try {
        const list = await store.api.call('suggest-document', { documentId: docs[i]!.id });
        if (list.length > 0) found.push({ documentId: docs[i]!.id, title: docs[i]!.title, list });
      } catch (err) {
        store.toast({ tone: 'error', error: asPizhuError(err) });
      }
      setRun({ done: i + 1, total: docs.length, running: true, cancelled: false, found: [...found] });
    }
    setRun({ done: docs.length, total: docs.length, running: false, cancelled: false, found: [...found] });
  };

  const above = (run?.found ?? []).flatMap((d) => d.list.filter((s) => s.score >= threshold));
  const accept = async () => {
    const items = above.map((s) => ({
      documentId: s.document,
      codeId: s.codeId,
      start: s.start,
      end: s.end,
    }));
    if (items.length === 0) return;
    await store.write(async () => {
      const r = await store.api.call('suggest-accept', coderId ? { items, coderId } : { items });
      store.setHistory(r.history);
      store.toast({ tone: 'info', message: { key: 'suggest.accepted', params: { created: r.created } } });
      await store.refreshProject();
    });
    setRun(null);
  };

  const count = (run?.found ?? []).reduce((a, d) => a + d.list.length, 0);
  return (
    <section aria-label={t('suggest.corpus')} data-testid="suggest-corpus">
      <h2>{t('suggest.corpus')}</h2>
      <div className="pz-suggest-tools">
        <button
          type="button"
          disabled={run?.running}
          onClick={() => void start()}
          data-testid="suggest-corpus-run"
        >
          {t('suggest.corpusRun')}
        </button>
        {run?.running ? (
          <button type="button" onClick={() => (cancel.current = true)} data-testid="suggest-corpus-cancel">
            {t('suggest.corpusCancel')}
          </button>
        ) : null}
        {run ? (
          <>
            <progress max={run.total} value={run.done} />
            <span className="pz-muted" data-testid="suggest-corpus-progress">
              {run.cancelled
                ? t('suggest.corpusCancelled', { done: run.done, total: run.total })
                : t('suggest.corpusProgress', { done: run.done, total: run.total, count })}
            </span>
          </>
        ) : null}
      </div>
      {run && !run.running ? (
        <div className="pz-suggest-tools">
          <label>
            {t('suggest.threshold')}{' '}
            <input
              type="number"
              min={0}
              max={20}
              step={0.5}
              value={threshold}
              onChange={(e) => {
                const v = Number(e.target.value);
                if (Number.isFinite(v) && v >= 0) setThreshold(v);
              }}
            />
          </label>
          <label>
            {t('suggest.coder')}{' '}
            <select value={coderId} onChange={(e) => setCoderId(e.target.value)}>
              <option value="">{t('suggest.suggester')}</option>
              {coders.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="pz-primary"
            disabled={above.length === 0}
            onClick={() => void accept()}
            data-testid="suggest-corpus-accept"
          >
            {t('suggest.corpusAccept', { count: above.length })}
          </button>
          <span className="pz-muted pz-small">≥ {formatScore(threshold, locale)}</span>
        </div>
      ) : null}
      {run ? (
        <ul className="pz-small">
          {run.found.map((d) => (
            <li key={d.documentId}>
              <a className="pz-link" href={documentHash(d.documentId)}>
                {t('suggest.corpusDocs', { title: d.title, count: d.list.length })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
