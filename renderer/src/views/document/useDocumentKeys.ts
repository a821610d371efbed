/**
 * Keyboard-first coding in the document view. Keys (none fire while typing in a field, with
 * Ctrl/Cmd/Alt held, or during IME composition, except Ctrl/Cmd+F):
 *   1–9 apply a code to the pending selection · J/K next/previous annotation (selected, scrolled)
 *   N/P next/previous sentence as a pending selection · M memo of the selected annotation
 *   Delete/Backspace delete the selected annotation · Esc clear, then close the find bar (in the
 *   memo box: back to the text)
 *   Ctrl/Cmd+F find · ? the shortcut sheet.
 * Letters rather than arrows: arrows scroll the text and Ctrl/Alt+arrows are the browser's and
 * the OS's; J/K and N/P are what reviewers know from Gmail/GitHub-style lists.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Annotation } from '../../../../shared/domain';
import type { Span } from '../../../../shared/text/script-convert';
import type { Store } from '../../state/store';
import { readingOrder, stepAnnotation, stepSentence } from './navigation';

interface Options {
  store: Store;
  annotations: readonly Annotation[];
  /** The document's sentences (computed on first use). */
  sentences: () => readonly Span[];
  pending: Span | null;
  sheetOpen: boolean;
  apply: (codeId: string) => void;
  select: (annotationId: string) => void;
  selectPending: (range: Span, scroll: boolean) => void;
  clearPending: () => void;
  openFind: () => void;
  /** Closes the find bar; null when it is closed. */
  closeFind: (() => void) | null;
  openSheet: () => void;
  /** Canonical offset at the top of the visible text (where J or N start without a selection). */
  firstVisible: () => number;
}

/** True when the key goes to a field the user types in. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return target.isContentEditable && target.getAttribute('contenteditable') === 'true';
}

/** Reading order of an annotation list, sorted when J/K needs it rather than on every edit. */
const readingOrders = new WeakMap<readonly Annotation[], Annotation[]>();
function inReadingOrder(annotations: readonly Annotation[]): Annotation[] {
  let ordered = readingOrders.get(annotations);
  if (!ordered) {
    ordered = readingOrder(annotations);
    readingOrders.set(annotations, ordered);
  }
  return ordered;
}

export function useDocumentKeys(options: Options): void {
  // The listener is registered once; it reads the latest options through a ref.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const o = latest.current;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        o.openFind();
        return;
      }
      // Esc in the memo box (reached with M) goes back to the text, so J, K… are shortcuts again.
      if (
        e.key === 'Escape' &&
        !e.isComposing &&
        e.target instanceof HTMLElement &&
        e.target.closest('.pz-detail-card')
      ) {
        e.preventDefault();
        e.target.blur();
        document.querySelector<HTMLElement>('.pz-doc-text')?.focus({ preventScroll: true });
        return;
      }
      if (o.sheetOpen || e.isComposing || isTypingTarget(e.target)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const { store } = o;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (o.pending && /^[1-9]$/.test(key)) {
        const code = store.getState().codes.find((c) => c.shortcut === key);
        if (code) {
          e.preventDefault();
          o.apply(code.id);
        }
        return;
      }
      const activeIds = store.getState().activeIds;
      switch (key) {
        case '?':
          e.preventDefault();
          o.openSheet();
          return;
        case 'Escape': {
          const hadSelection = o.pending !== null || activeIds.length > 0;
          o.clearPending();
          window.getSelection()?.removeAllRanges();
          store.setActive([]);
          if (!hadSelection) o.closeFind?.();
          return;
        }
        case 'j':
        case 'k': {
          e.preventDefault();
          const next = stepAnnotation(
            inReadingOrder(o.annotations),
            activeIds[0] ?? null,
            key === 'j' ? 1 : -1,
            o.pending?.start ?? o.firstVisible(),
          );
          if (next) o.select(next.id);
          return;
        }
        case 'n':
        case 'p': {
          e.preventDefault();
          const active = store.getState().annotations.find((a) => a.id === activeIds[0]);
          const anchor = o.pending ?? (active ? { start: active.start, end: active.end } : null);
          const s = stepSentence(o.sentences(), anchor, key === 'n' ? 1 : -1, o.firstVisible());
          if (s) {
            store.setActive([]);
            o.selectPending(s, true);
          }
          return;
        }
        case 'm': {
          e.preventDefault();
          const memo = document.querySelector<HTMLTextAreaElement>('.pz-detail-card textarea');
          if (memo && activeIds.length > 0) {
            memo.focus();
            memo.setSelectionRange(memo.value.length, memo.value.length);
          } else store.toast({ tone: 'info', message: { key: 'docview.noMemoTarget' } });
          return;
        }
        case 'Delete':
        case 'Backspace':
          if (activeIds.length === 1) {
            e.preventDefault();
            void store.deleteAnnotation(activeIds[0]!);
          }
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
