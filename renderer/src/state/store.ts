/**
 * The renderer's project state and the operations on it. Every mutation goes to the core at once
 * (no Save button); the state changes only after the core has confirmed the write, so what the
 * UI shows as saved is on disk. Save status and errors are part of the state, shown in the header
 * and as toasts. Components read it with `useStore(selector)`.
 */
import { useSyncExternalStore } from 'react';
import type { ApiClient } from '../../../shared/api';
import type {
  Annotation,
  Code,
  Coder,
  DocumentDetail,
  DocumentSummary,
  ExportFormat,
  HistoryEffect,
  HistoryState,
} from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import type { MessageKey } from '../i18n/catalog';
import type { DocumentFocus } from './focus';
import type { Params } from '../i18n';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving'; pending: number }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; error: PizhuError };

export interface Toast {
  id: number;
  tone: 'info' | 'error';
  /** Either a message key with params or a core error (translated when shown). */
  message?: { key: MessageKey; params?: Params };
  error?: PizhuError;
}

export interface State {
  ready: boolean;
  loadError: PizhuError | null;
  documents: DocumentSummary[];
  codes: Code[];
  coders: Coder[];
  history: HistoryState;
  /** The open document, its annotations (sorted by start, end), and the selected ones. */
  documentId: string | null;
  document: DocumentDetail | null;
  documentError: PizhuError | null;
  annotations: Annotation[];
  activeIds: string[];
  /** Where the open document should scroll to (a search hit, an annotation), from the route. */
  focus: DocumentFocus | null;
  /** Incremented after each undo/redo, so editors of what it may have changed start afresh. */
  historyRevision: number;
  save: SaveState;
  toasts: Toast[];
}

const initialHistory: HistoryState = { canUndo: false, canRedo: false, undoKind: null, redoKind: null };

function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt);
}

export class Store {
  private state: State = {
    ready: false,
    loadError: null,
    documents: [],
    codes: [],
    coders: [],
    history: initialHistory,
    documentId: null,
    document: null,
    documentError: null,
    annotations: [],
    activeIds: [],
    focus: null,
    historyRevision: 0,
    save: { kind: 'idle' },
    toasts: [],
  };
  private listeners = new Set<() => void>();
  private pending = 0;
  private toastSeq = 0;
  /** Serialises mutations so that undo/redo and creates apply in the order the user made them. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly api: ApiClient) {}

  getState = (): State => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<State>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  async init(): Promise<void> {
    try {
      const [documents, codes, coders, history] = await Promise.all([
        this.api.call('documents-list', {}),
        this.api.call('codes-list', {}),
        this.api.call('coders-list', {}),
        this.api.call('history-state', {}),
      ]);
      this.set({ ready: true, documents, codes, coders, history });
    } catch (err) {
      this.set({ ready: true, loadError: asPizhuError(err) });
    }
  }

  async openDocument(id: string | null, focus: DocumentFocus | null = null): Promise<void> {
    if (id === this.state.documentId && (this.state.document || this.state.documentError)) {
      if (focus !== this.state.focus) this.set({ focus });
      return;
    }
    this.set({ documentId: id, document: null, documentError: null, annotations: [], activeIds: [], focus });
    if (id === null) return;
    try {
      const [document, annotations] = await Promise.all([
        this.api.call('documents-get', { id }),
        this.api.call('annotations-list', { documentId: id }),
      ]);
      if (this.state.documentId !== id) return;
      this.set({ document, annotations: [...annotations].sort(compareAnnotations) });
    } catch (err) {
      if (this.state.documentId === id) this.set({ documentError: asPizhuError(err) });
    }
  }

  /** Reloads the document list (counts) and the codebook, after changes made elsewhere. */
  async refreshProject(): Promise<void> {
    const [documents, codes, coders, history] = await Promise.all([
      this.api.call('documents-list', {}),
      this.api.call('codes-list', {}),
      this.api.call('coders-list', {}),
      this.api.call('history-state', {}),
    ]);
    this.set({ documents, codes, coders, history });
    const open = this.state.documentId;
    if (open) {
      const annotations = await this.api.call('annotations-list', { documentId: open });
      if (this.state.documentId === open)
        this.set({ annotations: [...annotations].sort(compareAnnotations) });
    }
  }

  /** For features whose own writes change the undo state (bulk coding, codebook edits). */
  setHistory(history: HistoryState): void {
    this.set({ history });
  }

  setActive(ids: string[]): void {
    this.set({ activeIds: ids });
  }

  codeById(id: string): Code | undefined {
    return this.state.codes.find((c) => c.id === id);
  }

  /**
   * Runs one write through the queue, tracking the save status in the header; errors become
   * toasts and resolve to undefined. Every view's mutations go through here.
   */
  write<T>(op: () => Promise<T>): Promise<T | undefined> {
    this.pending++;
    this.set({ save: { kind: 'saving', pending: this.pending } });
    const run = this.queue.then(op).then(
      (value) => {
        this.pending--;
        this.set({
          save:
            this.pending > 0 ? { kind: 'saving', pending: this.pending } : { kind: 'saved', at: Date.now() },
        });
        return value;
      },
      (err: unknown) => {
        this.pending--;
        const error = asPizhuError(err);
        this.set({ save: { kind: 'error', error } });
        this.toast({ tone: 'error', error });
        return undefined;
      },
    );
    this.queue = run;
    return run;
  }

  createAnnotation(codeId: string, start: number, end: number): Promise<Annotation | undefined> {
    const documentId = this.state.documentId;
    if (!documentId) return Promise.resolve(undefined);
    return this.write(async () => {
      const { annotation, history } = await this.api.call('annotations-create', {
        documentId,
        codeId,
        start,
        end,
      });
      if (this.state.documentId === documentId) {
        this.set({
          annotations: [...this.state.annotations, annotation].sort(compareAnnotations),
          activeIds: [annotation.id],
        });
      }
      this.set({ history });
      // No toast: the highlight and the save status confirm it, and coding is the hot path.
      this.bumpCount(documentId, codeId, +1);
      return annotation;
    });
  }

  deleteAnnotation(id: string): Promise<unknown> {
    return this.write(async () => {
      const { deleted, history } = await this.api.call('annotations-delete', { id });
      this.set({
        annotations: this.state.annotations.filter((a) => a.id !== id),
        activeIds: this.state.activeIds.filter((x) => x !== id),
        history,
      });
      this.bumpCount(deleted.documentId, deleted.codeId, -1);
      this.toast({ tone: 'info', message: { key: 'annotation.deleted' } });
    });
  }

  updateMemo(id: string, memo: string): Promise<unknown> {
    return this.write(async () => {
      const { annotation, history } = await this.api.call('annotations-update-memo', { id, memo });
      this.set({ annotations: this.state.annotations.map((a) => (a.id === id ? annotation : a)), history });
    });
  }

  undo(): Promise<unknown> {
    if (!this.state.history.canUndo) return Promise.resolve();
    return this.write(async () => {
      const { effect, history } = await this.api.call('history-undo', {});
      this.set({ history });
      await this.applyEffect(effect);
      this.toast({ tone: 'info', message: { key: 'history.undone', params: { kind: effect.kind } } });
    });
  }

  redo(): Promise<unknown> {
    if (!this.state.history.canRedo) return Promise.resolve();
    return this.write(async () => {
      const { effect, history } = await this.api.call('history-redo', {});
      this.set({ history });
      await this.applyEffect(effect);
      this.toast({ tone: 'info', message: { key: 'history.redone', params: { kind: effect.kind } } });
    });
  }

  /** After undo/redo: reload what the command touched (its document's annotations, counts). */
  private async applyEffect(effect: HistoryEffect): Promise<void> {
    const [documents, codes] = await Promise.all([
      this.api.call('documents-list', {}),
      effect.tables.includes('codes') ? this.api.call('codes-list', {}) : Promise.resolve(this.state.codes),
    ]);
    this.set({ documents, codes, historyRevision: this.state.historyRevision + 1 });
    const open = this.state.documentId;
    if (open && (effect.documentIds.includes(open) || effect.tables.includes('codes'))) {
      const annotations = await this.api.call('annotations-list', { documentId: open });
      const ids = new Set(annotations.map((a) => a.id));
      const touched = effect.annotationIds.filter((id) => ids.has(id));
      this.set({
        annotations: [...annotations].sort(compareAnnotations),
        // Select what the step brought back (a single annotation); otherwise keep what still exists.
        activeIds: touched.length === 1 ? touched : this.state.activeIds.filter((id) => ids.has(id)),
      });
    }
  }

  async exportDataset(
    format: ExportFormat,
    save: (name: string, content: string, mime: string) => Promise<string | null>,
  ): Promise<void> {
    try {
      const file = await this.api.call('export-dataset', { format });
      const path = await save(file.fileName, file.content, file.mimeType);
      if (path === null) this.toast({ tone: 'info', message: { key: 'export.cancelled' } });
      else
        this.toast({
          tone: 'info',
          message: { key: 'export.done', params: { count: file.rowCount, file: path } },
        });
    } catch (err) {
      this.toast({ tone: 'error', error: asPizhuError(err) });
    }
  }

  private bumpCount(documentId: string, codeId: string, delta: number): void {
    this.set({
      documents: this.state.documents.map((d) => {
        if (d.id !== documentId) return d;
        const counts = { ...d.annotationCounts };
        const next = (counts[codeId] ?? 0) + delta;
        if (next > 0) counts[codeId] = next;
        else delete counts[codeId];
        return { ...d, annotationCounts: counts, annotationTotal: d.annotationTotal + delta };
      }),
    });
  }

  toast(toast: Omit<Toast, 'id'>): void {
    const id = ++this.toastSeq;
    this.set({ toasts: [...this.state.toasts, { ...toast, id }].slice(-4) });
    // Errors stay until dismissed; confirmations fade.
    if (toast.tone === 'info') setTimeout(() => this.dismissToast(id), 3500);
  }

  dismissToast(id: number): void {
    this.set({ toasts: this.state.toasts.filter((t) => t.id !== id) });
  }
}

export function asPizhuError(err: unknown): PizhuError {
  if (err instanceof PizhuError) return err;
  return new PizhuError('internal', err instanceof Error ? err.message : String(err));
}

export function useStore<T>(store: Store, selector: (s: State) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
