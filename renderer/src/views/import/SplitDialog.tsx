/**
 * The split dialog: the suggested boundaries of one document (from `documents-split-suggest`),
 * each with its title line and length, all ticked; the user unticks what should stay together,
 * or adds boundaries by hand by clicking a line of the text (the only way when nothing was
 * suggested), and confirms. One `documents-split` call, one undo step. Opened over the view it was
 * asked from (library, document); `#/view/import?split=<id>` still opens it too.
 */
import { useEffect, useMemo, useState } from 'react';
import type { SplitSuggestion } from '../../../../shared/import';
import type { PizhuError } from '../../../../shared/errors';
import { Dialog } from '../../components/Dialog';
import { translateError, useI18n } from '../../i18n';
import { useFormat } from '../../i18n';
import { asPizhuError, type Store } from '../../state/store';

interface Props {
  store: Store;
  documentId: string;
  onClose: (split: boolean) => void;
}

interface Line {
  /** Code point where the line starts. */
  at: number;
  text: string;
}

/** Non-empty lines after the first, with their code-point starts (candidate split points). */
export function splitCandidates(text: string, max = 3000): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (at > 0 && line.trim() !== '' && out.length < max) out.push({ at, text: line.trim() });
    at += [...line].length + 1;
  }
  return out;
}

export function SplitDialog({ store, documentId, onClose }: Props) {
  const { t } = useI18n();
  const fmt = useFormat();
  const doc = store.getState().documents.find((d) => d.id === documentId);
  const [suggestions, setSuggestions] = useState<SplitSuggestion[] | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [error, setError] = useState<PizhuError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stale = false;
    Promise.all([
      store.api.call('documents-split-suggest', { id: documentId }),
      store.api.call('documents-get', { id: documentId }),
    ]).then(
      ([s, detail]) => {
        if (stale) return;
        setSuggestions(s);
        setText(detail.text);
        setChosen(new Set(s.map((x) => x.at).filter((at) => at > 0)));
      },
      (err: unknown) => !stale && setError(asPizhuError(err)),
    );
    return () => {
      stale = true;
    };
  }, [store, documentId]);

  const lines = useMemo(() => (text === null ? [] : splitCandidates(text)), [text]);
  const at = [...chosen].sort((a, b) => a - b);
  const toggle = (point: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(point);
    else next.delete(point);
    setChosen(next);
  };
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
  const found = suggestions !== null && suggestions.length >= 2;

  return (
    <Dialog
      title={t('split.title', { title: doc?.title ?? '' })}
      className="pz-split-dialog"
      onClose={() => !busy && onClose(false)}
    >
      {error ? (
        <p className="pz-error" role="alert">
          {translateError(t, error)}
        </p>
      ) : null}
      {suggestions === null ? (
        <p className="pz-muted">{t('split.loading')}</p>
      ) : found ? (
        <>
          <p className="pz-muted">{t('split.intro')}</p>
          <ol className="pz-split-list">
            {suggestions.map((s, i) => (
              <li key={s.at}>
                <label>
                  <input
                    type="checkbox"
                    checked={s.at === 0 || chosen.has(s.at)}
                    disabled={s.at === 0 || busy}
                    onChange={(e) => toggle(s.at, e.target.checked)}
                  />
                  <span className="pz-split-n">{t('split.part', { n: i + 1 })}</span>
                  <span className="pz-split-title">{s.title}</span>
                  <span className="pz-muted pz-small">
                    {t('import.length', { count: fmt.number(s.length) })}
                  </span>
                </label>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="pz-split-none" role="status">
          {t('split.none')}
        </p>
      )}
      {suggestions !== null ? (
        <details className="pz-split-manual" open={!found}>
          <summary>{t('split.manual')}</summary>
          <p className="pz-muted pz-small">{t('split.manualHint')}</p>
          <ul className="pz-split-lines">
            {lines.map((line) => (
              <li key={line.at}>
                <button
                  type="button"
                  className={`pz-split-line${chosen.has(line.at) ? ' is-on' : ''}`}
                  aria-pressed={chosen.has(line.at)}
                  disabled={busy}
                  onClick={() => toggle(line.at, !chosen.has(line.at))}
                >
                  {line.text.length > 80 ? `${line.text.slice(0, 80)}…` : line.text}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <footer className="pz-dialog-actions">
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
    </Dialog>
  );
}
