/**
 * The detail pane of the selected code: name, colour, shortcut, short description and the code
 * memo (definition, inclusion and exclusion criteria, example), each saved when changed (text
 * fields when they lose focus) as one undoable step; plus the structural actions as buttons, the
 * accessible alternative to drag and drop.
 */
import { useEffect, useRef, useState } from 'react';
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

/**
 * A text field that follows the stored value: a rename elsewhere (the tree, F2, undo, another
 * view) replaces what it shows, so leaving the field can never write an old value back.
 */
function SyncedField(props: {
  id: string;
  stored: string;
  multiline?: boolean;
  onCommit: (value: string) => void;
  /** Compare after trimming (names). */
  trim?: boolean;
}) {
  const { id, stored, multiline, onCommit, trim } = props;
  const [draft, setDraft] = useState(stored);
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setDraft(stored);
  }
  const common = {
    id,
    value: draft,
    onChange: (e: { currentTarget: { value: string } }) => setDraft(e.currentTarget.value),
    onBlur: () => {
      if ((trim ? draft.trim() : draft) !== stored) onCommit(draft);
    },
  };
  return multiline ? (
    <textarea rows={3} {...common} />
  ) : (
    <input
      type="text"
      {...common}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') setDraft(stored);
      }}
    />
  );
}

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
  const text = (field: 'description' | CodeMemoField, multiline: boolean) => (
    <div className="pz-field" key={field}>
      <label htmlFor={`pz-code-${field}`}>{t(`codebook.${field}`)}</label>
      <SyncedField
        id={`pz-code-${field}`}
        stored={code[field]}
        multiline={multiline}
        onCommit={(value) => onSave({ [field]: value })}
      />
    </div>
  );

  return (
    <section className="pz-codedetail" aria-label={code.name} data-testid="code-detail">
      <p className="pz-muted pz-small">{codePath(codes, code.id)}</p>
      <div className="pz-field-row">
        <div className="pz-field">
          <label htmlFor="pz-code-name">{t('codebook.name')}</label>
          <SyncedField id="pz-code-name" stored={code.name} trim onCommit={(name) => onSave({ name })} />
        </div>
        <div className="pz-field">
          <label htmlFor="pz-code-color">{t('codebook.color')}</label>
          <input key={code.color} id="pz-code-color" ref={colorRef} type="color" defaultValue={code.color} />
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
