/**
 * The in-document find bar (Ctrl/Cmd+F): script-insensitive matches are computed by the view
 * (navigation.ts `findMatches`); here Enter / Shift+Enter step through them and Esc closes.
 */
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  total: number;
  current: number;
  onStep: (step: 1 | -1) => void;
  onClose: () => void;
  /** Changes each time the find key is pressed, to refocus the field. */
  focusToken: number;
}

export function FindBar(props: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [props.focusToken]);
  return (
    <div className="pz-find-bar" role="search" aria-label={t('docview.findLabel')}>
      <input
        ref={input}
        type="search"
        value={props.query}
        aria-label={t('docview.findLabel')}
        placeholder={t('docview.findPlaceholder')}
        onChange={(e) => props.onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            props.onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            props.onClose();
          }
        }}
      />
      <span className="pz-find-count" data-testid="find-count" aria-live="polite">
        {props.query.trim() === ''
          ? ''
          : props.total === 0
            ? t('docview.findNone')
            : t('docview.findCount', { current: props.current + 1, total: props.total })}
      </span>
      <button
        type="button"
        onClick={() => props.onStep(-1)}
        disabled={props.total === 0}
        aria-label={t('docview.findPrev')}
      >
        ↑
      </button>
      <button
        type="button"
        onClick={() => props.onStep(1)}
        disabled={props.total === 0}
        aria-label={t('docview.findNext')}
      >
        ↓
      </button>
      <button type="button" className="pz-link" onClick={props.onClose} aria-label={t('docview.findClose')}>
        ✕
      </button>
    </div>
  );
}
