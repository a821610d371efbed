/**
 * The floating toolbar shown over a text selection: one button per top-level code with its
 * shortcut key; a code with sub-codes gets a ▾ that opens them (any depth, indented) below it.
 * Keys 1–9 are handled by the document view (so they work without the mouse, whatever the depth
 * of the code that holds the key); this is the pointer path and the visible reminder of the keys.
 * With a sub-code menu open, 1–9 pick its entries (shown beside them) and Esc closes it.
 * The toolbar sits above or below the selection, wherever it hides no coded text.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { placeToolbar, type Box } from './toolbarPlacement';
import type { Code } from '../../../../shared/domain';
import { useI18n } from '../../i18n';

interface Props {
  codes: readonly Code[];
  rect: DOMRect;
  onApply: (codeId: string) => void;
}

/** The descendants of `id` in tree order with their depth below it (1 = child). */
function descendants(codes: readonly Code[], id: string, depth = 1): { code: Code; depth: number }[] {
  return codes
    .filter((c) => c.parentId === id)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .flatMap((c) => (depth > 20 ? [] : [{ code: c, depth }, ...descendants(codes, c.id, depth + 1)]));
}

export function SelectionToolbar({ codes, rect, onApply }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setPlace(
      placeToolbar(
        rect,
        { width: el.offsetWidth, height: el.offsetHeight },
        codedBoxes(rect, el.offsetHeight),
        { width: window.innerWidth, height: window.innerHeight },
      ),
    );
  }, [rect]);

  // The open sub-code menu takes the digit keys: 1 is its first entry, not the top-level code.
  const subsOpen = open ? descendants(codes, open) : [];
  const subsRef = useRef(subsOpen);
  useLayoutEffect(() => {
    subsRef.current = subsOpen;
  });
  const applyRef = useRef(onApply);
  useLayoutEffect(() => {
    applyRef.current = onApply;
  });
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setOpen(null);
        return;
      }
      if (!/^[1-9]$/.test(e.key)) return;
      const entry = subsRef.current[Number(e.key) - 1];
      e.preventDefault();
      e.stopPropagation();
      if (entry) applyRef.current(entry.code.id);
    };
    // Capture on window: runs before the document view's own key handler.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);

  const button = (code: Code, depth = 0, menuKey?: number) => (
    <button
      key={code.id}
      type="button"
      className="pz-code-button"
      style={{ borderColor: code.color, ...(depth > 0 ? { paddingLeft: 6 + (depth - 1) * 14 } : {}) }}
      title={t('document.applyCode', { code: code.name })}
      aria-keyshortcuts={menuKey ? String(menuKey) : (code.shortcut ?? undefined)}
      onClick={() => onApply(code.id)}
    >
      <span className="pz-swatch" style={{ background: code.color }} />
      {menuKey ? (
        <kbd className="pz-menu-key" aria-hidden="true">
          {menuKey}
        </kbd>
      ) : code.shortcut ? (
        <kbd>{code.shortcut}</kbd>
      ) : null}
      {code.name}
    </button>
  );
  return (
    <div
      className="pz-selection-toolbar"
      role="toolbar"
      aria-label={t('document.selectionHint')}
      ref={ref}
      style={
        place
          ? { top: place.top, left: place.left }
          : { top: rect.bottom + 6, left: rect.left, visibility: 'hidden' }
      }
      // Keep the selection: a mousedown on the toolbar would otherwise collapse it.
      onMouseDown={(e) => e.preventDefault()}
    >
      {codes
        .filter((c) => c.parentId === null)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((root) => {
          const subs = descendants(codes, root.id);
          if (subs.length === 0) return button(root);
          return (
            <span key={root.id} className="pz-toolbar-group">
              {button(root)}
              <button
                type="button"
                className="pz-toolbar-more"
                aria-expanded={open === root.id}
                aria-label={`${root.name} ▾`}
                onClick={() => setOpen((o) => (o === root.id ? null : root.id))}
              >
                ▾
              </button>
              {open === root.id ? (
                <span className="pz-toolbar-sub" role="group" aria-label={root.name}>
                  {subs.map((s, i) => button(s.code, s.depth, i < 9 ? i + 1 : undefined))}
                </span>
              ) : null}
            </span>
          );
        })}
    </div>
  );
}

/** Client boxes of painted code highlights near the selection (within a toolbar's height). */
function codedBoxes(rect: DOMRect, height: number): Box[] {
  const out: Box[] = [];
  const top = rect.top - height - 16;
  const bottom = rect.bottom + height + 16;
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('pz-code-')) return;
    highlight.forEach((range) => {
      if (!(range instanceof Range)) return;
      const b = range.getBoundingClientRect();
      if (b.bottom < top || b.top > bottom) return;
      for (const r of range.getClientRects())
        out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    });
  });
  return out;
}
