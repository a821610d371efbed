/**
 * The shortcut sheet (`?`): a modal listing every key of the document view, translated. Esc,
 * the close button or a click outside closes it; focus moves into it and back out.
 */
import { useEffect, useRef } from 'react';
import { useI18n, type MessageKey } from '../../i18n';

const MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const MOD = MAC ? '⌘' : 'Ctrl';
const ALT = MAC ? '⌥' : 'Alt';

/** Every shortcut of the document view, in the order a coder learns them. */
export const SHORTCUTS: readonly { keys: string[]; label: MessageKey }[] = [
  { keys: ['1–9'], label: 'docview.key.code' },
  { keys: ['J'], label: 'docview.key.nextAnnotation' },
  { keys: ['K'], label: 'docview.key.prevAnnotation' },
  { keys: ['N'], label: 'docview.key.nextSentence' },
  { keys: ['P'], label: 'docview.key.prevSentence' },
  { keys: [']'], label: 'reading.key.nextHeading' },
  { keys: ['['], label: 'reading.key.prevHeading' },
  { keys: [ALT], label: 'docview.key.sentenceClick' },
  { keys: ['M'], label: 'docview.key.memo' },
  { keys: ['Delete'], label: 'docview.key.delete' },
  { keys: ['Esc'], label: 'docview.key.escape' },
  { keys: [`${MOD}+F`], label: 'docview.key.find' },
  { keys: ['Enter', 'Shift+Enter'], label: 'docview.key.findNext' },
  { keys: [`${MOD}+Z`, `${MOD}+Shift+Z`], label: 'docview.key.undo' },
  { keys: ['?'], label: 'docview.key.sheet' },
  { keys: ['A'], label: 'suggest.key.accept' },
  { keys: ['X'], label: 'suggest.key.reject' },
  { keys: ['J', 'K'], label: 'suggest.key.move' },
];

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopImmediatePropagation();
        onClose();
      }
    };
    // Capture: the sheet's Esc must not also clear the document's selection.
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      before?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="pz-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="pz-modal" role="dialog" aria-modal="true" aria-labelledby="pz-shortcuts-title">
        <div className="pz-modal-head">
          <h2 id="pz-shortcuts-title">{t('docview.shortcutsTitle')}</h2>
          <button ref={close} type="button" className="pz-link" onClick={onClose}>
            {t('docview.shortcutsClose')}
          </button>
        </div>
        <table className="pz-shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.label}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? ' / ' : null}
                      <kbd>{k}</kbd>
                      {k === ALT ? `+${t('docview.key.click')}` : null}
                    </span>
                  ))}
                </td>
                <td>{t(s.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
