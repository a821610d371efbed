/**
 * A small memo button for a document (in the library): ✎, highlighted when the document has a
 * memo; opens a popover to write it. Like annotation memos, it saves as you type (after a short
 * pause, and at once when the popover closes) with `documents-update-memo` (undoable); Esc and a
 * click outside close it without losing a character. The popover is placed in the window, never
 * under the sidebar.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../../shared/domain';
import { useI18n } from '../../i18n';
import type { Store } from '../../state/store';
import { mutate } from '../codebook/actions';

const SAVE_AFTER_MS = 600;
const WIDTH = 320;

/** Where the popover goes: below the button, inside the main area and the window. */
export function popoverPosition(
  button: { left: number; top: number; bottom: number },
  area: { left: number; right: number },
  window: { width: number; height: number },
  height: number,
): { left: number; top: number } {
  const right = Math.min(area.right, window.width) - 8;
  const left = Math.max(area.left + 8, Math.min(button.left, right - WIDTH));
  const below = button.bottom + 4;
  const top = below + height <= window.height - 8 ? below : Math.max(8, button.top - 4 - height);
  return { left, top };
}

export function DocumentMemoButton({ store, doc }: { store: Store; doc: DocumentSummary }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(doc.memo);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popRef = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ draft, saved: doc.memo });
  useLayoutEffect(() => {
    latest.current = { draft, saved: latest.current.saved };
  });

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const { draft: memo, saved } = latest.current;
    if (memo === saved) return;
    latest.current.saved = memo;
    void mutate(store, 'documents-update-memo', { id: doc.id, memo });
  }, [store, doc.id]);

  const close = useCallback(() => {
    flush();
    setOpen(false);
    buttonRef.current?.focus();
  }, [flush]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) close();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, close]);
  // Unmounting (leaving the view) saves what was typed.
  useEffect(() => () => flush(), [flush]);

  useLayoutEffect(() => {
    if (!open || !buttonRef.current) return;
    const b = buttonRef.current.getBoundingClientRect();
    const main = buttonRef.current.closest('.pz-main')?.getBoundingClientRect();
    const height = popRef.current?.offsetHeight ?? 180;
    setPlace(
      popoverPosition(
        b,
        { left: main?.left ?? 0, right: main?.right ?? window.innerWidth },
        { width: window.innerWidth, height: window.innerHeight },
        height,
      ),
    );
  }, [open]);

  return (
    <div className="pz-docmemo" ref={ref}>
      <button
        ref={buttonRef}
        type="button"
        className={`pz-docmemo-btn${doc.memo ? ' has-memo' : ''}`}
        title={doc.memo || t('memos.documentMemo')}
        aria-label={t('memos.documentMemoFor', { title: doc.title })}
        aria-expanded={open}
        onClick={() => {
          if (open) close();
          else {
            setDraft(doc.memo);
            latest.current = { draft: doc.memo, saved: doc.memo };
            setOpen(true);
          }
        }}
      >
        ✎
      </button>
      {open ? (
        <div
          ref={popRef}
          className="pz-docmemo-pop"
          role="dialog"
          aria-label={t('memos.documentMemoFor', { title: doc.title })}
          style={place ? { left: place.left, top: place.top } : { visibility: 'hidden' }}
        >
          <textarea
            rows={5}
            autoFocus
            value={draft}
            placeholder={t('memos.documentMemoPlaceholder')}
            onChange={(e) => {
              setDraft(e.target.value);
              clearTimeout(timer.current);
              timer.current = setTimeout(flush, SAVE_AFTER_MS);
            }}
            onBlur={flush}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                close();
              }
            }}
          />
          <div className="pz-dialog-actions">
            <span className="pz-muted pz-small pz-docmemo-note">{t('memos.autosave')}</span>
            <button type="button" className="pz-primary" onClick={close}>
              {t('memos.save')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
