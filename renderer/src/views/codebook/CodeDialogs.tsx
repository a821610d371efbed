/**
 * The two confirmations of the codebook: merge (pick the target; a summary says how many
 * annotations move) and delete (an explicit choice for the code's annotations and sub-codes).
 * Native <dialog> elements, opened modally: focus is trapped and Esc cancels.
 */
import { useState } from 'react';
import { Dialog as Modal } from '../../components/Dialog';
import type { Code } from '../../../../shared/domain';
import { useI18n } from '../../i18n';
import { codePath, descendantIds, visibleRows } from './tree';

export function MergeDialog(props: {
  code: Code;
  codes: readonly Code[];
  onCancel: () => void;
  onMerge: (targetId: string) => void;
}) {
  const { t } = useI18n();
  const { code, codes } = props;
  const excluded = descendantIds(codes, code.id);
  const options = visibleRows(codes).filter((r) => !excluded.has(r.code.id));
  const [target, setTarget] = useState(options[0]?.code.id ?? '');
  const targetCode = codes.find((c) => c.id === target);
  return (
    <Modal title={t('codebook.mergeTitle', { name: code.name })} onClose={props.onCancel}>
      <label className="pz-field">
        {t('codebook.mergeTarget')}
        <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="merge-target">
          {options.map((r) => (
            <option key={r.code.id} value={r.code.id}>
              {codePath(codes, r.code.id)}
            </option>
          ))}
        </select>
      </label>
      {targetCode ? (
        <p data-testid="merge-summary">
          {t('codebook.mergeSummary', { count: code.totalCount, target: targetCode.name, name: code.name })}
        </p>
      ) : null}
      <div className="pz-dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('codebook.cancel')}
        </button>
        <button
          type="button"
          className="pz-primary"
          disabled={!targetCode}
          onClick={() => props.onMerge(target)}
        >
          {t('codebook.mergeConfirm')}
        </button>
      </div>
    </Modal>
  );
}

type Choice = 'delete' | 'move-to-parent';

export function DeleteDialog(props: {
  code: Code;
  codes: readonly Code[];
  onCancel: () => void;
  onDelete: (annotations: Choice, children: Choice) => void;
}) {
  const { t } = useI18n();
  const { code, codes } = props;
  const parent = codes.find((c) => c.id === code.parentId);
  const kids = codes.filter((c) => c.parentId === code.id).length;
  const [annotations, setAnnotations] = useState<Choice>(parent ? 'move-to-parent' : 'delete');
  const [children, setChildren] = useState<Choice>('move-to-parent');
  // Annotations affected: the code's own, plus its sub-codes' when those are deleted too.
  const count = children === 'delete' ? code.totalCount : code.annotationCount;
  const radio = (
    name: string,
    value: Choice,
    current: Choice,
    set: (c: Choice) => void,
    label: string,
    disabled = false,
  ) => (
    <label className="pz-radio">
      <input
        type="radio"
        name={name}
        value={value}
        checked={current === value}
        disabled={disabled}
        onChange={() => set(value)}
      />
      {label}
    </label>
  );
  return (
    <Modal title={t('codebook.deleteTitle', { name: code.name })} onClose={props.onCancel}>
      {kids > 0 ? (
        <fieldset>
          <legend>{t('codebook.deleteChildren', { count: kids })}</legend>
          {radio('children', 'move-to-parent', children, setChildren, t('codebook.childMove'))}
          {radio('children', 'delete', children, setChildren, t('codebook.childDelete'))}
        </fieldset>
      ) : null}
      <fieldset>
        <legend>{t('codebook.deleteAnnotations', { count })}</legend>
        {radio(
          'annotations',
          'move-to-parent',
          annotations,
          setAnnotations,
          parent ? t('codebook.annMove', { parent: parent.name }) : t('codebook.noParent'),
          !parent,
        )}
        {radio('annotations', 'delete', annotations, setAnnotations, t('codebook.annDelete'))}
      </fieldset>
      <div className="pz-dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('codebook.cancel')}
        </button>
        <button
          type="button"
          className="pz-danger is-confirm"
          onClick={() => props.onDelete(annotations, children)}
        >
          {t('codebook.deleteConfirm')}
        </button>
      </div>
    </Modal>
  );
}
