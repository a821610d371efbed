/**
 * The floating toolbar shown over a text selection: one button per top-level code with its
 * shortcut key; a code with sub-codes gets a ▾ that opens them (any depth, indented) below it.
 * Keys 1–9 are handled by the document view (so they work without the mouse, whatever the depth
 * of the code that holds the key); this is the pointer path and the visible reminder of the keys.
 */
import { useState } from 'react';
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
  // Above the selection when there is room, else below it; kept inside the viewport.
  const top = rect.top > 64 ? rect.top - 48 : rect.bottom + 8;
  const left = Math.max(8, Math.min(window.innerWidth - 360, rect.left));
  const button = (code: Code, depth = 0) => (
    <button
      key={code.id}
      type="button"
      className="pz-code-button"
      style={{ borderColor: code.color, ...(depth > 0 ? { paddingLeft: 6 + (depth - 1) * 14 } : {}) }}
      title={t('document.applyCode', { code: code.name })}
      onClick={() => onApply(code.id)}
    >
      <span className="pz-swatch" style={{ background: code.color }} />
      {code.shortcut ? <kbd>{code.shortcut}</kbd> : null}
      {code.name}
    </button>
  );
  return (
    <div
      className="pz-selection-toolbar"
      role="toolbar"
      aria-label={t('document.selectionHint')}
      style={{ top, left }}
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
                  {subs.map((s) => button(s.code, s.depth))}
                </span>
              ) : null}
            </span>
          );
        })}
    </div>
  );
}
