/**
 * Filtering coded segments by document attributes (QDA "variables"): an "add" select listing the
 * project's attributes; each chosen attribute becomes a condition with a checklist of the values
 * documents hold (plus 未设置, documents without a value) and, for number and date attributes,
 * a min/max range. Conditions are ANDed; inside one, checked values are ORed.
 */
import { useEffect, useRef, useState, useCallback } from 'react';
import { sortAttributeValues, type Attribute, type AttributeTable } from '../../../../shared/attributes';
import { useI18n } from '../../i18n';
import type { AttributeFilterState } from './link';
import { useDismiss } from '../../components/useDismiss';

interface Props {
  table: AttributeTable | null;
  conditions: readonly AttributeFilterState[];
  onChange: (conditions: AttributeFilterState[]) => void;
}

/**
 * A range bound: shows keystrokes at once and applies them after a pause, so a date typed digit
 * by digit (`2`, `20`, … `2019`) is not queried — and refused — at every step.
 */
function BoundInput({
  name,
  value,
  placeholder,
  label,
  onCommit,
}: {
  name: string;
  value: string;
  placeholder: string;
  label: string;
  onCommit: (v: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  // A new value from outside (a link, 清除筛选) replaces the draft.
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  }, [onCommit]);
  useEffect(() => {
    if (draft === value) return;
    const id = setTimeout(() => commit.current(draft), 400);
    return () => clearTimeout(id);
  }, [draft, value]);
  return (
    <input
      type="text"
      name={name}
      className="pz-seg-attr-bound"
      value={draft}
      placeholder={placeholder}
      aria-label={label}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => e.key === 'Enter' && commit.current(draft)}
    />
  );
}

function ValuePicker({
  attr,
  values,
  condition,
  onChange,
}: {
  attr: Attribute;
  values: string[];
  condition: AttributeFilterState;
  onChange: (c: AttributeFilterState) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(
    ref,
    open,
    useCallback(() => setOpen(false), []),
  );
  const chosen = [...condition.values, ...(condition.missing ? [t('segments.attrNone')] : [])];
  const label =
    chosen.length === 0
      ? t('segments.attrAny')
      : chosen.length <= 2
        ? chosen.join('、')
        : t('segments.attrNValues', { count: chosen.length });
  const toggle = (v: string, on: boolean) =>
    onChange({
      ...condition,
      values: on ? [...condition.values, v] : condition.values.filter((x) => x !== v),
    });
  return (
    <div className="pz-code-picker" ref={ref}>
      <button
        type="button"
        name={`attr-values-${attr.name}`}
        aria-haspopup="true"
        aria-expanded={open}
        title={chosen.join('、')}
        onClick={() => setOpen((o) => !o)}
      >
        {label} ▾
      </button>
      {open ? (
        <div className="pz-code-picker-panel" role="group" aria-label={attr.name}>
          <button
            type="button"
            className="pz-link"
            onClick={() => onChange({ ...condition, values: [], missing: false })}
          >
            {t('segments.attrAny')}
          </button>
          {values.map((v) => (
            <label key={v}>
              <input
                type="checkbox"
                name="attr-value"
                value={v}
                checked={condition.values.includes(v)}
                onChange={(e) => toggle(v, e.target.checked)}
              />
              {v}
            </label>
          ))}
          <label>
            <input
              type="checkbox"
              name="attr-value-none"
              checked={condition.missing}
              onChange={(e) => onChange({ ...condition, missing: e.target.checked })}
            />
            <span className="pz-muted">{t('segments.attrNone')}</span>
          </label>
        </div>
      ) : null}
    </div>
  );
}

export function AttributeFilter({ table, conditions, onChange }: Props) {
  const { t } = useI18n();
  if (!table || table.attributes.length === 0) return null;
  const used = new Set(conditions.map((c) => c.attributeId));
  const replace = (i: number, c: AttributeFilterState) =>
    onChange(conditions.map((x, j) => (j === i ? c : x)));
  return (
    <div className="pz-seg-attrs" role="group" aria-label={t('segments.attributes')}>
      {conditions.map((c, i) => {
        const attr = table.attributes.find((a) => a.id === c.attributeId);
        // A link naming an attribute deleted since: shown (the query reports it) and removable.
        if (!attr)
          return (
            <div key={c.attributeId} className="pz-seg-attr" data-testid="attr-condition">
              <span className="pz-seg-attr-name pz-muted">{t('segments.attrUnknown')}</span>
              <button
                type="button"
                className="pz-link"
                aria-label={t('segments.removeFilter')}
                title={t('segments.removeFilter')}
                onClick={() => onChange(conditions.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
          );
        const values = sortAttributeValues(
          attr,
          table.values.filter((v) => v.attributeId === attr.id).map((v) => v.value),
        );
        const ranged = attr.type === 'number' || attr.type === 'date';
        return (
          <div key={attr.id} className="pz-seg-attr" data-testid="attr-condition" data-attribute={attr.name}>
            <span className="pz-seg-attr-name">{attr.name}</span>
            <ValuePicker attr={attr} values={values} condition={c} onChange={(next) => replace(i, next)} />
            {ranged ? (
              <>
                <BoundInput
                  name="attr-min"
                  value={c.min}
                  placeholder={t('segments.attrMin')}
                  label={`${attr.name} ${t('segments.attrMin')}`}
                  onCommit={(min) => replace(i, { ...c, min })}
                />
                <span aria-hidden="true">–</span>
                <BoundInput
                  name="attr-max"
                  value={c.max}
                  placeholder={t('segments.attrMax')}
                  label={`${attr.name} ${t('segments.attrMax')}`}
                  onCommit={(max) => replace(i, { ...c, max })}
                />
              </>
            ) : null}
            <button
              type="button"
              className="pz-link"
              aria-label={t('segments.removeFilter')}
              title={t('segments.removeFilter')}
              onClick={() => onChange(conditions.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        );
      })}
      {table.attributes.some((a) => !used.has(a.id)) ? (
        <label>
          {t('segments.attributes')}
          <select
            name="add-attribute"
            value=""
            onChange={(e) =>
              e.target.value &&
              onChange([
                ...conditions,
                { attributeId: e.target.value, values: [], missing: false, min: '', max: '' },
              ])
            }
          >
            <option value="">{t('segments.attrAdd')}</option>
            {table.attributes
              .filter((a) => !used.has(a.id))
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
