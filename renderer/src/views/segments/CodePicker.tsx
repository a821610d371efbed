/**
 * Choosing the codes whose segments to show: a button that opens a checklist of the codebook as
 * a tree (indented, with colours). None checked means all codes. Closes on Escape or a click
 * outside.
 */
import { useRef, useState, useCallback } from 'react';
import type { Code } from '../../../../shared/domain';
import { useI18n } from '../../i18n';
import { useDismiss } from '../../components/useDismiss';

/** Codes in tree order with their depth. */
export function codeOptions(codes: readonly Code[]): { code: Code; depth: number }[] {
  const out: { code: Code; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    codes
      .filter((c) => c.parentId === parent && !seen.has(c.id))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
      .forEach((c) => {
        seen.add(c.id);
        out.push({ code: c, depth });
        walk(c.id, depth + 1);
      });
  };
  walk(null, 0);
  return out;
}

interface Props {
  codes: readonly Code[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

export function CodePicker({ codes, selected, onChange }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(
    ref,
    open,
    useCallback(() => setOpen(false), []),
  );

  const names = selected.map((id) => codes.find((c) => c.id === id)?.name ?? id);
  const label =
    names.length === 0
      ? t('segments.allCodes')
      : names.length === 1
        ? names[0]!
        : t('segments.nCodes', { count: names.length });
  return (
    <div className="pz-code-picker" ref={ref}>
      <button
        type="button"
        name="codes"
        aria-haspopup="true"
        aria-expanded={open}
        title={names.join('、')}
        onClick={() => setOpen((o) => !o)}
      >
        {label} ▾
      </button>
      {open ? (
        <div className="pz-code-picker-panel" role="group" aria-label={t('segments.code')}>
          <button type="button" className="pz-link" onClick={() => onChange([])}>
            {t('segments.allCodes')}
          </button>
          {codeOptions(codes).map(({ code, depth }) => (
            <label key={code.id} style={{ paddingLeft: 4 + depth * 16 }}>
              <input
                type="checkbox"
                name="code"
                value={code.id}
                checked={selected.includes(code.id)}
                onChange={(e) =>
                  onChange(
                    e.target.checked ? [...selected, code.id] : selected.filter((id) => id !== code.id),
                  )
                }
              />
              <span className="pz-swatch" style={{ background: code.color }} />
              {code.name}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}
