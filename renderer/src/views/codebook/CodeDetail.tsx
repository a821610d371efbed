/**
 * The detail pane of the selected code: name, colour, shortcut, short description and the code
 * memo (definition, inclusion and exclusion criteria, example), each saved when changed (text
 * fields when they lose focus) as one undoable step; plus the structural actions as buttons, the
 * accessible alternative to drag and drop.
 */
import { useEffect, useRef } from 'react';
import type { Code, CodeMemoField } from '../../../../shared/domain';
import { CODE_MEMO_FIELDS } from '../../../../shared/domain';
import { useI18n } from '../../i18n';
import { codePath, moveTarget, type MoveKind } from './tree';

export type CodePatch = Partial<Pick<Code, 'name' | 'color' | 'shortcut' | 'description' | CodeMemoField>>;

interface Props {
  code: Code;
  codes: readonly Code[];
  onSave: (patch: CodePatch) => void;
  onNewChild: () => void;
  onMove: (kind: MoveKind) => void;
  onMerge: () => void;
  onDelete: () => void;
}

const MOVES: {
  kind: MoveKind;
  key: 'codebook.moveUp' | 'codebook.moveDown' | 'codebook.indent' | 'codebook.outdent';
  icon: string;
}[] = [
  { kind: 'up', key: 'codebook.moveUp', icon: '↑' },
  { kind: 'down', key: 'codebook.moveDown', icon: '↓' },
  { kind: 'indent', key: 'codebook.indent', icon: '→' },
  { kind: 'outdent', key: 'codebook.outdent', icon: '←' },
];

export function CodeDetail({ code, codes, onSave, onNewChild, onMove, onMerge, onDelete }: Props) {
  const { t } = useI18n();
  const colorRef = useRef<HTMLInputElement>(null);
  const saveRef = useRef(onSave);
  useEffect(() => {
    saveRef.current = onSave;
  });

  // The native `change` event fires once when the picker closes; React's onChange fires on every
  // drag step, which would make dozens of undo steps.
  useEffect(() => {
    const input = colorRef.current;
    if (!input) return;
    const onChange = () => {
      if (input.value.toLowerCase() !== code.color.toLowerCase()) saveRef.current({ color: input.value });
    };
    input.addEventListener('change', onChange);
    return () => input.removeEventListener('change', onChange);
  }, [code.color]);

  const holder = (key: string) => codes.find((c) => c.shortcut === key && c.id !== code.id);
  const text = (field: 'description' | CodeMemoField, multiline: boolean) => {
    const common = {
      id: `pz-code-${field}`,
      defaultValue: code[field],
      onBlur: (e: { currentTarget: { value: string } }) => {
        if (e.currentTarget.value !== code[field]) onSave({ [field]: e.currentTarget.value });
      },
    };
    return (
      <div className="pz-field" key={field}>
        <label htmlFor={common.id}>{t(`codebook.${field}`)}</label>
        {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      </div>
    );
  };

  return (
    <section className="pz-codedetail" aria-label={code.name} data-testid="code-detail">
      <p className="pz-muted pz-small">{codePath(codes, code.id)}</p>
      <div className="pz-field-row">
        <div className="pz-field">
          <label htmlFor="pz-code-name">{t('codebook.name')}</label>
          <input
            id="pz-code-name"
            type="text"
            defaultValue={code.name}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
            }}
            onBlur={(e) => {
              if (e.currentTarget.value.trim() !== code.name) onSave({ name: e.currentTarget.value });
            }}
          />
        </div>
        <div className="pz-field">
          <label htmlFor="pz-code-color">{t('codebook.color')}</label>
          <input id="pz-code-color" ref={colorRef} type="color" defaultValue={code.color} />
        </div>
        <div className="pz-field">
          <label htmlFor="pz-code-shortcut">{t('codebook.shortcut')}</label>
          <select
            id="pz-code-shortcut"
            value={code.shortcut ?? ''}
            onChange={(e) => onSave({ shortcut: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{t('codebook.noShortcut')}</option>
            {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((k) => {
              const other = holder(k);
              return (
                <option key={k} value={k}>
                  {other ? `${k}（${other.name}）` : k}
                </option>
              );
            })}
          </select>
        </div>
      </div>
      {text('description', false)}
      {CODE_MEMO_FIELDS.map((f) => text(f, true))}
      <p className="pz-muted pz-small">{t('codebook.memoHint')}</p>
      <div className="pz-codeactions" role="group" aria-label={t('codebook.actions')}>
        <button type="button" onClick={onNewChild}>
          ＋ {t('codebook.newChild')}
        </button>
        {MOVES.map((m) => (
          <button
            key={m.kind}
            type="button"
            title={t(m.key)}
            aria-label={t(m.key)}
            disabled={!moveTarget(codes, code.id, m.kind)}
            onClick={() => onMove(m.kind)}
          >
            {m.icon}
          </button>
        ))}
        <button type="button" onClick={onMerge} disabled={codes.length < 2}>
          {t('codebook.merge')}
        </button>
        <button type="button" className="pz-danger" onClick={onDelete}>
          {t('codebook.delete')}
        </button>
      </div>
    </section>
  );
}
