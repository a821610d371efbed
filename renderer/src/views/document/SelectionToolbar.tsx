/**
 * The floating toolbar shown over a text selection: one button per code with its shortcut key.
 * Keys 1–9 are handled by the document view (so they work without the mouse); this is the
 * pointer path and the visible reminder of the keys.
 */
import type { Code } from '../../../../shared/domain';
import { useI18n } from '../../i18n';

interface Props {
  codes: readonly Code[];
  rect: DOMRect;
  onApply: (codeId: string) => void;
}

export function SelectionToolbar({ codes, rect, onApply }: Props) {
  const { t } = useI18n();
  // Above the selection when there is room, else below it; kept inside the viewport.
  const top = rect.top > 64 ? rect.top - 48 : rect.bottom + 8;
  const left = Math.max(8, Math.min(window.innerWidth - 360, rect.left));
  return (
    <div
      className="pz-selection-toolbar"
      role="toolbar"
      aria-label={t('document.selectionHint')}
      style={{ top, left }}
      // Keep the selection: a mousedown on the toolbar would otherwise collapse it.
      onMouseDown={(e) => e.preventDefault()}
    >
      {codes.map((code) => (
        <button
          key={code.id}
          type="button"
          className="pz-code-button"
          style={{ borderColor: code.color }}
          title={t('document.applyCode', { code: code.name })}
          onClick={() => onApply(code.id)}
        >
          <span className="pz-swatch" style={{ background: code.color }} />
          {code.shortcut ? <kbd>{code.shortcut}</kbd> : null}
          {code.name}
        </button>
      ))}
    </div>
  );
}
