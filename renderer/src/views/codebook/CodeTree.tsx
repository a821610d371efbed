/**
 * The codebook tree: one row per code (any depth) with expand/collapse, colour swatch, name
 * (inline rename), shortcut and live counts. Keyboard: ↑/↓ select, ←/→ collapse/expand,
 * Alt+↑/↓ move, Alt+→/← indent/outdent, F2 rename, Delete asks to delete. HTML5 drag and drop
 * reorders (drop on the upper or lower quarter of a row) or re-parents (drop on its middle).
 */
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Code } from '../../../../shared/domain';
import { useI18n } from '../../i18n';
import { dropTarget, type DropPosition, type MoveKind, type MoveTarget, type TreeRow } from './tree';

interface Props {
  codes: readonly Code[];
  rows: readonly TreeRow[];
  selectedId: string | null;
  editingId: string | null;
  /** A refused name to show again in the inline editor, marked invalid. */
  renameDraft?: string | null;
  collapsed: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
  onRename: (id: string, name: string | null) => void;
  onStartRename: (id: string) => void;
  onMove: (id: string, kind: MoveKind) => void;
  onDrop: (id: string, target: MoveTarget) => void;
  onDelete: (id: string) => void;
}

const DRAG_TYPE = 'application/x-pizhu-code';

function positionOf(e: DragEvent<HTMLElement>): DropPosition {
  const r = e.currentTarget.getBoundingClientRect();
  const y = (e.clientY - r.top) / r.height;
  return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'inside';
}

export function CodeTree(props: Props) {
  const { t } = useI18n();
  const { codes, rows, selectedId, editingId, collapsed } = props;
  const [dragId, setDragId] = useState<string | null>(null);
  const [over, setOver] = useState<{ id: string; pos: DropPosition } | null>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>, row: TreeRow) => {
    const id = row.code.id;
    const i = rows.findIndex((r) => r.code.id === id);
    if (e.altKey && e.key === 'ArrowUp') props.onMove(id, 'up');
    else if (e.altKey && e.key === 'ArrowDown') props.onMove(id, 'down');
    else if (e.altKey && e.key === 'ArrowRight') props.onMove(id, 'indent');
    else if (e.altKey && e.key === 'ArrowLeft') props.onMove(id, 'outdent');
    else if (e.key === 'ArrowUp' && i > 0) props.onSelect(rows[i - 1]!.code.id);
    else if (e.key === 'ArrowDown' && i < rows.length - 1) props.onSelect(rows[i + 1]!.code.id);
    else if (e.key === 'ArrowRight' && row.hasChildren && collapsed.has(id)) props.onToggle(id);
    else if (e.key === 'ArrowLeft' && row.hasChildren && !collapsed.has(id)) props.onToggle(id);
    else if (e.key === 'F2') props.onStartRename(id);
    else if (e.key === 'Delete') props.onDelete(id);
    else return;
    e.preventDefault();
  };

  return (
    <ul className="pz-codetree" role="tree" aria-label={t('codebook.title')}>
      {rows.map((row) => {
        const { code, depth } = row;
        const selected = code.id === selectedId;
        const isOver = over?.id === code.id ? ` is-drop-${over.pos}` : '';
        return (
          <li
            key={code.id}
            role="treeitem"
            aria-level={depth + 1}
            aria-selected={selected}
            aria-expanded={row.hasChildren ? !collapsed.has(code.id) : undefined}
            className={`pz-coderow${selected ? ' is-selected' : ''}${isOver}`}
            data-code-id={code.id}
            data-code-name={code.name}
            style={{ paddingLeft: 8 + depth * 20 }}
            tabIndex={selected ? 0 : -1}
            draggable={editingId !== code.id}
            onClick={() => props.onSelect(code.id)}
            onKeyDown={(e) => {
              if (e.target === e.currentTarget) onKeyDown(e, row);
            }}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_TYPE, code.id);
              e.dataTransfer.effectAllowed = 'move';
              setDragId(code.id);
            }}
            onDragEnd={() => {
              setDragId(null);
              setOver(null);
            }}
            onDragOver={(e) => {
              if (!dragId || !dropTarget(codes, dragId, code.id, positionOf(e))) return;
              e.preventDefault();
              const pos = positionOf(e);
              if (over?.id !== code.id || over.pos !== pos) setOver({ id: code.id, pos });
            }}
            onDragLeave={() => setOver((o) => (o?.id === code.id ? null : o))}
            onDrop={(e) => {
              e.preventDefault();
              const id = e.dataTransfer.getData(DRAG_TYPE) || dragId;
              setOver(null);
              setDragId(null);
              const target = id ? dropTarget(codes, id, code.id, positionOf(e)) : null;
              if (id && target) props.onDrop(id, target);
            }}
          >
            <button
              type="button"
              className="pz-codetoggle"
              tabIndex={-1}
              aria-label={collapsed.has(code.id) ? t('codebook.expand') : t('codebook.collapse')}
              style={{ visibility: row.hasChildren ? 'visible' : 'hidden' }}
              onClick={(e) => {
                e.stopPropagation();
                props.onToggle(code.id);
              }}
            >
              {collapsed.has(code.id) ? '▸' : '▾'}
            </button>
            <span className="pz-swatch" style={{ background: code.color }} />
            {editingId === code.id ? (
              <input
                className={`pz-coderename${props.renameDraft != null ? ' is-invalid' : ''}`}
                aria-label={t('codebook.name')}
                aria-invalid={props.renameDraft != null ? true : undefined}
                defaultValue={props.renameDraft ?? code.name}
                autoFocus
                onFocus={(e) => e.currentTarget.select()}
                onClick={(e) => e.stopPropagation()}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') props.onRename(code.id, e.currentTarget.value);
                  else if (e.key === 'Escape') props.onRename(code.id, null);
                  e.stopPropagation();
                }}
                onBlur={(e) => props.onRename(code.id, e.currentTarget.value)}
              />
            ) : (
              <span className="pz-codename" onDoubleClick={() => props.onStartRename(code.id)}>
                {code.name}
              </span>
            )}
            {code.shortcut ? (
              <kbd
                className="pz-codekey"
                title={t('codebook.keyBadge', { key: code.shortcut })}
                aria-label={t('codebook.keyBadge', { key: code.shortcut })}
              >
                {code.shortcut}
              </kbd>
            ) : null}
            <span
              className="pz-codecount"
              data-testid="code-count"
              title={t('codebook.countsTitle', { own: code.annotationCount, total: code.totalCount })}
              aria-label={t('codebook.countsTitle', { own: code.annotationCount, total: code.totalCount })}
            >
              {code.annotationCount}
              {row.hasChildren ? <span className="pz-muted"> / {code.totalCount}</span> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
