/**
 * The split dialog: the suggested boundaries of one document (from `documents-split-suggest`),
 * each with its title line and length, all ticked; the user unticks what should stay together
 * and confirms. One `documents-split` call, one undo step. Opened from the library (拆分…),
 * route `#/view/import?split=<id>`.
 */
import { useEffect, useState } from 'react';
import type { SplitSuggestion } from '../../../../shared/import';
import type { PizhuError } from '../../../../shared/errors';
import { translateError, useI18n } from '../../i18n';
import { asPizhuError, type Store } from '../../state/store';

interface Props {
  store: Store;
  documentId: string;
  onClose: (split: boolean) => void;
}

export function SplitDialog({ store, documentId, onClose }: Props) {
  const { t } = useI18n();
  const doc = store.getState().documents.find((d) => d.id === documentId);
  const [suggestions, setSuggestions] = useState<SplitSuggestion[] | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [error, setError] = useState<PizhuError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stale = false;
    store.api.call('documents-split-suggest', { id: documentId }).then(
      (s) => {
        if (stale) return;
        setSuggestions(s);
        setChosen(new Set(s.map((x) => x.at).filter((at) => at > 0)));
      },
      (err: unknown) => !stale && setError(asPizhuError(err)),
    );
    return () => {
      stale = true;
    };
  }, [store, documentId]);

  const at = [...chosen].sort((a, b) => a - b);
  const confirm = async () => {
    setBusy(true);
    try {
      const r = await store.api.call('documents-split', { id: documentId, at });
      store.setHistory(r.history);
      await store.refreshProject();
      store.toast({ tone: 'info', message: { key: 'split.done', params: { count: r.documents.length } } });
      onClose(true);
    } catch (err) {
      setError(asPizhuError(err));
      setBusy(false);
    }
  };

  return (
    <div className="pz-modal-backdrop" role="presentation">
      <div
        className="pz-modal pz-split-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pz-split-title"
      >
        <h2 id="pz-split-title">{t('split.title', { title: doc?.title ?? '' })}</h2>
        <p className="pz-muted">{t('split.intro')}</p>
        {error ? (
          <p className="pz-error" role="alert">
            {translateError(t, error)}
          </p>
        ) : null}
        {suggestions === null ? (
          <p className="pz-muted">{t('split.loading')}</p>
        ) : suggestions.length < 2 ? (
          <p className="pz-muted">{t('split.none')}</p>
        ) : (
          <ol className="pz-split-list">
            {suggestions.map((s, i) => (
              <li key={s.at}>
                <label>
                  <input
                    type="checkbox"
                    checked={s.at === 0 || chosen.has(s.at)}
                    disabled={s.at === 0 || busy}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(s.at);
                      else next.delete(s.at);
                      setChosen(next);
                    }}
                  />
                  <span className="pz-split-n">{t('split.part', { n: i + 1 })}</span>
                  <span className="pz-split-title">{s.title}</span>
                  <span className="pz-muted pz-small">
                    {t('import.length', { count: s.length.toLocaleString() })}
                  </span>
                </label>
              </li>
            ))}
          </ol>
        )}
        <footer className="pz-modal-actions">
          <button type="button" onClick={() => onClose(false)} disabled={busy}>
            {t('split.cancel')}
          </button>
          <button
            type="button"
            className="pz-primary"
            onClick={() => void confirm()}
            disabled={busy || at.length === 0}
          >
            {t('split.confirm', { count: at.length + 1 })}
          </button>
        </footer>
      </div>
    </div>
  );
}
