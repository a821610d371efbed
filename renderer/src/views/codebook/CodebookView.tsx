/**
 * 代码本: the codebook as a tree (any depth) beside the selected code's details. Every change is
 * one undoable command in the core (Ctrl+Z in the header undoes it); after each the project is
 * refreshed, so counts, colours and shortcuts in the document view follow at once.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { saveFile } from '../../api/client';
import { useI18n } from '../../i18n';
import { asPizhuError, useStore } from '../../state/store';
import type { ViewProps } from '../view-props';
import { mutate } from './actions';
import { CodeDetail, type CodePatch } from './CodeDetail';
import { DeleteDialog, MergeDialog } from './CodeDialogs';
import { CodeTree } from './CodeTree';
import { moveTarget, visibleRows, type MoveKind, type MoveTarget } from './tree';
import './codebook.css';

type Dialog = { kind: 'merge' | 'delete'; id: string } | null;

export function CodebookView({ store }: ViewProps) {
  const { t } = useI18n();
  const codes = useStore(store, (s) => s.codes);
  const revision = useStore(store, (s) => s.historyRevision);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  /** A refused name, shown again in the inline editor (marked invalid). */
  const [renameDraft, setRenameDraft] = useState<string | null>(null);
  /** The code just created by 新建: Esc on its first rename takes the creation back. */
  const freshId = useRef<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  // Counts are live: reload them whenever the view opens (coding happens elsewhere).
  useEffect(() => {
    void store.refreshProject();
  }, [store]);

  const rows = useMemo(() => visibleRows(codes, collapsed), [codes, collapsed]);
  const selected = codes.find((c) => c.id === selectedId) ?? null;

  const select = (id: string) => {
    setSelectedId(id);
    // Keep keyboard focus on the selected row.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`.pz-coderow[data-code-id="${CSS.escape(id)}"]`)?.focus(),
    );
  };

  const create = async (parentId: string | null) => {
    const base = t('codebook.newName');
    const taken = new Set(codes.filter((c) => c.parentId === parentId).map((c) => c.name));
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base} ${i}`;
    const r = await mutate(store, 'codes-create', { name, parentId });
    if (!r) return;
    if (parentId) setCollapsed((s) => new Set([...s].filter((x) => x !== parentId)));
    setSelectedId(r.code.id);
    freshId.current = r.code.id;
    setEditingId(r.code.id);
  };

  const update = (id: string, patch: CodePatch) => void mutate(store, 'codes-update', { id, ...patch });

  /**
   * Ends an inline rename. A refused name (duplicate, empty) keeps the editor open with what was
   * typed, marked invalid. Esc on a code created a moment ago takes the creation back, so no
   * stray 新代码 is left in the tree.
   */
  const rename = async (id: string, name: string | null) => {
    if (editingId !== id) return;
    setEditingId(null);
    setRenameDraft(null);
    const code = codes.find((c) => c.id === id);
    const fresh = freshId.current === id;
    freshId.current = null;
    if (name === null && fresh && store.getState().history.undoKind === 'code-create') {
      await store.undo();
      return;
    }
    if (name !== null && code && name.trim() !== code.name) {
      const r = await mutate(store, 'codes-update', { id, name });
      if (!r) {
        freshId.current = fresh ? id : null;
        setRenameDraft(name);
        setEditingId(id);
        return;
      }
    }
    select(id);
  };

  // Moves run one after another, each computed from the codes as the previous one left them,
  // so quick repeated Alt+↓ presses move a code step by step instead of racing.
  const moves = useRef<Promise<unknown>>(Promise.resolve());
  const move = (id: string, target: () => MoveTarget | null) => {
    moves.current = moves.current.then(async () => {
      const to = target();
      if (!to) return;
      if (to.parentId) setCollapsed((s) => new Set([...s].filter((x) => x !== to.parentId)));
      if (await mutate(store, 'codes-move', { id, ...to })) select(id);
    });
  };
  const moveBy = (id: string, kind: MoveKind) => move(id, () => moveTarget(store.getState().codes, id, kind));

  const exportAs = async (format: 'json' | 'csv') => {
    try {
      const file = await store.api.call('codebook-export', { format });
      const path = await saveFile(file.fileName, file.content, file.mimeType);
      if (path === null) store.toast({ tone: 'info', message: { key: 'export.cancelled' } });
      else
        store.toast({
          tone: 'info',
          message: { key: 'codebook.exported', params: { count: file.rowCount, file: path } },
        });
    } catch (err) {
      store.toast({ tone: 'error', error: asPizhuError(err) });
    }
  };

  const importFile = async (file: File) => {
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
    const r = await mutate(store, 'codebook-import', { format, content: await file.text(), mode: 'merge' });
    if (r)
      store.toast({
        tone: 'info',
        message: {
          key: 'codebook.imported',
          params: { created: r.created, updated: r.updated, unchanged: r.unchanged },
        },
      });
  };

  const dialogCode = dialog ? codes.find((c) => c.id === dialog.id) : undefined;

  return (
    <section className="pz-codebook" aria-labelledby="pz-codebook-title">
      <header className="pz-codebook-head">
        <h1 id="pz-codebook-title">{t('codebook.title')}</h1>
        <div className="pz-codebook-tools">
          <button type="button" onClick={() => void create(null)}>
            ＋ {t('codebook.newRoot')}
          </button>
          <button type="button" onClick={() => fileRef.current?.click()}>
            {t('codebook.import')}
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".json,.csv,application/json,text/csv"
            hidden
            data-testid="codebook-import-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
          <button type="button" onClick={() => void exportAs('json')}>
            {t('codebook.exportJson')}
          </button>
          <button type="button" onClick={() => void exportAs('csv')}>
            {t('codebook.exportCsv')}
          </button>
        </div>
      </header>
      <div className="pz-codebook-body">
        <div className="pz-codebook-tree">
          {codes.length === 0 ? <p className="pz-muted">{t('codebook.empty')}</p> : null}
          <CodeTree
            codes={codes}
            rows={rows}
            selectedId={selectedId}
            editingId={editingId}
            collapsed={collapsed}
            onSelect={select}
            onToggle={(id) =>
              setCollapsed((s) => {
                const next = new Set(s);
                if (!next.delete(id)) next.add(id);
                return next;
              })
            }
            onStartRename={(id) => {
              setSelectedId(id);
              setEditingId(id);
            }}
            renameDraft={renameDraft}
            onRename={(id, name) => void rename(id, name)}
            onMove={moveBy}
            onDrop={(id, target) => move(id, () => target)}
            onDelete={(id) => setDialog({ kind: 'delete', id })}
          />
          <p className="pz-muted pz-small">{t('codebook.dragHint')}</p>
        </div>
        {selected ? (
          <CodeDetail
            key={`${selected.id}:${revision}`}
            code={selected}
            codes={codes}
            onSave={(patch) => update(selected.id, patch)}
            onNewChild={() => void create(selected.id)}
            onMove={(kind) => moveBy(selected.id, kind)}
            onMerge={() => setDialog({ kind: 'merge', id: selected.id })}
            onDelete={() => setDialog({ kind: 'delete', id: selected.id })}
          />
        ) : (
          <p className="pz-muted pz-codedetail">{t('codebook.select')}</p>
        )}
      </div>
      {dialog && dialogCode && dialog.kind === 'merge' ? (
        <MergeDialog
          code={dialogCode}
          codes={codes}
          onCancel={() => setDialog(null)}
          onMerge={(targetId) => {
            setDialog(null);
            void mutate(store, 'codes-merge', { sourceId: dialogCode.id, targetId }).then((r) => {
              if (!r) return;
              select(targetId);
              store.toast({
                tone: 'info',
                message: {
                  key: 'codebook.merged',
                  params: { moved: r.summary.movedAnnotations, dropped: r.summary.deletedAnnotations },
                },
              });
            });
          }}
        />
      ) : null}
      {dialog && dialogCode && dialog.kind === 'delete' ? (
        <DeleteDialog
          code={dialogCode}
          codes={codes}
          onCancel={() => setDialog(null)}
          onDelete={(annotations, children) => {
            setDialog(null);
            void mutate(store, 'codes-delete', { id: dialogCode.id, annotations, children }).then((r) => {
              if (!r) return;
              setSelectedId(dialogCode.parentId);
              store.toast({ tone: 'info', message: { key: 'codebook.deleted' } });
            });
          }}
        />
      ) : null}
    </section>
  );
}
