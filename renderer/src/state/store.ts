/**
 * The renderer's project state and the operations on it. Every mutation goes to the core at once
 * (no Save button); the save status in the header says "saved" only after the core has confirmed
 * every write, so what the UI shows as saved is on disk. Coding one annotation (add, remove) is
 * the hot path: it is painted at once, its durable write starts after that frame (not inside the
 * key press), and it is rolled back visibly
 * (highlight restored or removed, error toast) if the write fails. Other state changes only after
 * the core has confirmed. Components read it with `useStore(selector)`.
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
import { fetchProjectLists, type EarlyDocument, type Prefetched, type ProjectLists } from './prefetch';
import { annotationsFromSpans, quoteOf } from './spans';

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
  /**
   * False from opening a document until its annotations have arrived: the text is shown as soon
   * as the document does (a long text renders while the annotations are still on their way).
   */
  annotationsLoaded: boolean;
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

/** `list` (sorted) with `a` inserted in order: a binary search, not a sort of every annotation. */
function insertSorted(list: readonly Annotation[], a: Annotation): Annotation[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAnnotations(list[mid]!, a) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return list.toSpliced(lo, 0, a);
}

/**
 * Resolves once the browser has painted the next frame (a task queued from an animation-frame
 * callback runs after that frame is rendered), or after 100 ms if no frame comes (a hidden
 * window). Coding starts its durable write there: the key press's frame does not wait for the
 * request to be sent.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return resolve();
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

const PROVISIONAL = 'provisional-';

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
    annotationsLoaded: false,
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
  private provisionalSeq = 0;
  /** Provisional annotation id → the id the core gave it (a delete may follow before it returns). */
  private readonly confirmedIds = new Map<string, string>();

  /** Requests started before the app loaded (prefetch.ts), each taken at most once. */
  private earlyProject: Promise<ProjectLists> | null;
  private earlyDocument: EarlyDocument | null;

  constructor(
    readonly api: ApiClient,
    early: Prefetched | null = null,
  ) {
    this.earlyProject = early?.project ?? null;
    this.earlyDocument = early?.document ?? null;
  }

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
    const early = this.earlyProject;
    this.earlyProject = null;
    try {
      const [documents, codes, coders, history] = await (early ?? fetchProjectLists(this.api));
      this.set({ ready: true, documents, codes, coders, history });
    } catch (err) {
      this.set({ ready: true, loadError: asPizhuError(err) });
    }
  }

  async openDocument(id: string | null, focus: DocumentFocus | null = null): Promise<void> {
    // The same document: shown, failed, or on its way (its text is only cleared by opening it).
    if (id === this.state.documentId) {
      if (focus !== this.state.focus) this.set({ focus });
      return;
    }
    this.set({
      documentId: id,
      document: null,
      documentError: null,
      annotations: [],
      annotationsLoaded: false,
      activeIds: [],
      focus,
    });
    // Only the first document opened may use the requests started at load, and only if it is theirs.
    const early = this.earlyDocument?.id === id ? this.earlyDocument : null;
    this.earlyDocument = null;
    if (id === null) return;
    // Both requests run at once, and the text is shown when it arrives: it does not wait for
    // thousands of annotations. Their quotes are cut from the text (annotations-spans).
    const document = early?.document ?? this.api.call('documents-get', { id });
    const shown = document.then((d) => {
      if (this.state.documentId === id && !this.state.documentError) this.set({ document: d });
    });
    const spans = early?.annotations() ?? this.api.call('annotations-spans', { documentId: id });
    const annotations = Promise.all([document, spans]).then(([d, list]) => {
      if (this.state.documentId !== id) return;
      // Anything coded before the list arrived stays (by id; the list's copy wins).
      const ids = new Set(list.id);
      const coded = this.state.annotations.filter((a) => !ids.has(a.id));
      this.set({
        annotations: [...annotationsFromSpans(list, d), ...coded].sort(compareAnnotations),
        annotationsLoaded: true,
      });
    });
    try {
      await Promise.all([shown, annotations]);
    } catch (err) {
      if (this.state.documentId === id) this.set({ document: null, documentError: asPizhuError(err) });
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
    const before = this.state.save;
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
        // A refused input (a duplicate name, an invalid value) wrote nothing and lost nothing:
        // the save status stays as it was; only a failed write is 保存失败.
        const save: SaveState = isWriteFailure(error)
          ? { kind: 'error', error }
          : this.pending > 0
            ? { kind: 'saving', pending: this.pending }
            : before.kind === 'saving'
              ? { kind: 'idle' }
              : before;
        this.set({ save });
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
    // Painted now, before the write is durable; the save status shows it is still being saved.
    const now = new Date().toISOString();
    const provisional: Annotation = {
      id: `${PROVISIONAL}${++this.provisionalSeq}`,
      documentId,
      codeId,
      coderId: this.state.coders.find((c) => c.isCurrent)?.id ?? '',
      start,
      end,
      text: this.state.document?.id === documentId ? quoteOf(this.state.document, start, end) : '',
      memo: '',
      createdAt: now,
      updatedAt: now,
    };
    this.set({ annotations: insertSorted(this.state.annotations, provisional), activeIds: [provisional.id] });
    /** The provisional annotation replaced by the core's row (or removed), as a state patch. */
    const swap = (to: Annotation | null): Partial<State> => {
      if (this.state.documentId !== documentId) return {};
      const annotations = this.state.annotations.filter((a) => a.id !== provisional.id);
      const activeIds = this.state.activeIds.filter((x) => x !== provisional.id);
      return {
        annotations: to ? insertSorted(annotations, to) : annotations,
        activeIds: to && activeIds.length < this.state.activeIds.length ? [...activeIds, to.id] : activeIds,
      };
    };
    return this.write(async () => {
      await afterNextPaint();
      try {
        const { annotation, history } = await this.api.call('annotations-create', {
          documentId,
          codeId,
          start,
          end,
        });
        this.confirmedIds.set(provisional.id, annotation.id);
        // One state change (one render) for the row, the undo state and the counts. Deleted
        // (optimistically) while it was being saved: the delete that follows removes it.
        // No toast: the highlight and the save status confirm it, and coding is the hot path.
        this.set({
          ...(this.state.annotations.some((a) => a.id === provisional.id) ? swap(annotation) : {}),
          history,
          documents: this.countedDocuments(documentId, codeId, +1),
        });
        return annotation;
      } catch (err) {
        this.set(swap(null)); // visible rollback: the highlight goes away, write() shows the error
        throw err;
      }
    });
  }

  deleteAnnotation(id: string): Promise<unknown> {
    const at = this.state.annotations.findIndex((a) => a.id === id);
    const removed = at === -1 ? undefined : this.state.annotations[at];
    const wasActive = this.state.activeIds.includes(id);
    // Gone from the view now; put back if the core refuses.
    this.set({
      annotations: at === -1 ? this.state.annotations : this.state.annotations.toSpliced(at, 1),
      activeIds: wasActive ? this.state.activeIds.filter((x) => x !== id) : this.state.activeIds,
    });
    return this.write(async () => {
      await afterNextPaint();
      const coreId = id.startsWith(PROVISIONAL) ? this.confirmedIds.get(id) : id;
      this.confirmedIds.delete(id);
      // A provisional annotation whose create failed is already gone: nothing to delete.
      if (coreId === undefined) return;
      try {
        const { deleted, history } = await this.api.call('annotations-delete', { id: coreId });
        this.set({ history, documents: this.countedDocuments(deleted.documentId, deleted.codeId, -1) });
        this.toast({ tone: 'info', message: { key: 'annotation.deleted' } });
      } catch (err) {
        if (removed && this.state.documentId === removed.documentId) {
          const back = { ...removed, id: coreId };
          this.set({
            annotations: insertSorted(this.state.annotations, back),
            activeIds: wasActive ? [...this.state.activeIds, back.id] : this.state.activeIds,
          });
        }
        throw err;
      }
    });
  }

  updateMemo(id: string, memo: string): Promise<unknown> {
    return this.write(async () => {
      // An annotation still provisional when the memo was typed has its core id by now.
      const coreId = this.confirmedIds.get(id) ?? id;
      const { annotation, history } = await this.api.call('annotations-update-memo', { id: coreId, memo });
      this.set({
        annotations: this.state.annotations.map((a) => (a.id === coreId || a.id === id ? annotation : a)),
        history,
      });
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

  /** The document list with one document's count of one code changed by `delta`. */
  private countedDocuments(documentId: string, codeId: string, delta: number): DocumentSummary[] {
    return this.state.documents.map((d) => {
      if (d.id !== documentId) return d;
      const counts = { ...d.annotationCounts };
      const next = (counts[codeId] ?? 0) + delta;
      if (next > 0) counts[codeId] = next;
      else delete counts[codeId];
      return { ...d, annotationCounts: counts, annotationTotal: d.annotationTotal + delta };
    });
  }

  toast(toast: Omit<Toast, 'id'>): void {
    const id = ++this.toastSeq;
    this.set({ toasts: [...this.state.toasts, { ...toast, id }].slice(-4) });
    // Confirmations fade; errors stay long enough to read (and go when the user changes view).
    setTimeout(() => this.dismissToast(id), toast.tone === 'info' ? 3500 : ERROR_TOAST_MS);
  }

  /** Drops the error toasts: they belong to the view the user just left. */
  dismissErrors(): void {
    if (this.state.toasts.some((t) => t.tone === 'error'))
      this.set({ toasts: this.state.toasts.filter((t) => t.tone !== 'error') });
  }

  dismissToast(id: number): void {
    this.set({ toasts: this.state.toasts.filter((t) => t.id !== id) });
  }
}

/** How long an error toast stays if not dismissed and the view does not change. */
export const ERROR_TOAST_MS = 20_000;

/** True when a write may have failed to reach the disk (not a refused input). */
export function isWriteFailure(error: PizhuError): boolean {
  return error.code === 'internal' || error.code === 'transport-failed' || error.code.startsWith('project-');
}

export function asPizhuError(err: unknown): PizhuError {
  if (err instanceof PizhuError) return err;
  return new PizhuError('internal', err instanceof Error ? err.message : String(err));
}

export function useStore<T>(store: Store, selector: (s: State) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
