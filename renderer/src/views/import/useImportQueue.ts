/**
 * State and actions of the import dialog, kept out of the app store: the queue of files, the
 * cleaning settings, the live preview of the selected file, and the import run (one
 * `import-commit` per file, progress, cancellable between files). Several files are a bulk
 * import: their search index is queued and built at the end in slices (`search-index-build`,
 * with progress). Ends with `store.refreshProject()` so the library shows the new documents.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { PATTERN_DEBOUNCE_MS, useDebounced } from './useDebounced';
import {
  CLEANING_STEPS,
  IMPORT_MAX_BYTES,
  type CleaningStep,
  type ImportEncoding,
} from '../../../../shared/import';
import { PizhuError } from '../../../../shared/errors';
import { asPizhuError, type Store } from '../../state/store';
import { fileToBase64, isImportable, newItem, tooLarge, type ImportItem } from './files';

export interface Settings {
  cleaning: CleaningStep[];
  patterns: string;
  skipDuplicates: boolean;
}

export interface RunState {
  running: boolean;
  done: number;
  total: number;
  /** Building the search index after a bulk import: done/total count documents. */
  indexing?: boolean;
}

/** Documents indexed per `search-index-build` call: small enough to show progress. */
const INDEX_SLICE = 200;

/** Indexes what the bulk import queued, slice by slice; a failure leaves it to the next search. */
async function buildIndex(store: Store, setRun: (r: RunState) => void): Promise<void> {
  try {
    let step = await store.api.call('search-index-build', { maxDocuments: INDEX_SLICE });
    const total = step.indexed + step.pending;
    while (step.pending > 0) {
      setRun({ running: true, indexing: true, done: total - step.pending, total });
      step = await store.api.call('search-index-build', { maxDocuments: INDEX_SLICE });
    }
  } catch {
    // Every search builds the queued index first, so nothing is lost by stopping here.
  }
}

function patternList(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function sizeError(item: ImportItem): PizhuError {
  return new PizhuError('import-too-large', `${item.label} is too large`, {
    file: item.label,
    maxMb: IMPORT_MAX_BYTES / 1024 / 1024,
  });
}

const SETTINGS_KEY = 'pizhu.import.settings';

function loadSettings(): Settings {
  const fallback: Settings = { cleaning: [], patterns: '', skipDuplicates: true };
  try {
    const saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null') as Partial<Settings> | null;
    if (!saved) return fallback;
    return {
      cleaning: Array.isArray(saved.cleaning)
        ? CLEANING_STEPS.filter((s) => (saved.cleaning as unknown[]).includes(s))
        : [],
      patterns: typeof saved.patterns === 'string' ? saved.patterns : '',
      skipDuplicates: saved.skipDuplicates !== false,
    };
  } catch {
    return fallback;
  }
}

function saveSettings(settings: Settings): void {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Not remembered; still used.
  }
}

/** The existing document a file duplicates, once its preview is known. */
export function duplicateOf(item: ImportItem): { documentId: string; title: string } | null {
  const w = item.preview?.warnings.find((x) => x.kind === 'duplicate');
  return w && w.kind === 'duplicate' ? { documentId: w.documentId, title: w.title } : null;
}

export function useImportQueue(store: Store) {
  const [items, setItems] = useState<ImportItem[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  // The cleaning choices are the user's habit: they survive 清空列表, leaving the view and reloads.
  const [settings, setSettings] = useState<Settings>(loadSettings);
  useEffect(() => saveSettings(settings), [settings]);
  const [previewing, setPreviewing] = useState(false);
  const [run, setRun] = useState<RunState>({ running: false, done: 0, total: 0 });
  const cancelled = useRef(false);
  const base64Cache = useRef(new Map<string, Promise<string>>());

  const base64 = useCallback((item: ImportItem) => {
    let p = base64Cache.current.get(item.key);
    if (!p) {
      p = fileToBase64(item.file);
      base64Cache.current.set(item.key, p);
    }
    return p;
  }, []);

  const patch = useCallback((key: string, change: Partial<ImportItem>) => {
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));
  }, []);

  const addFiles = useCallback((files: Iterable<File>) => {
    const added = [...files]
      .filter((f) => isImportable(f.name))
      .map(newItem)
      .map((item) => (tooLarge(item.file) ? { ...item, previewError: sizeError(item) } : item));
    if (added.length === 0) return;
    setItems((list) => [...list, ...added]);
    setSelected((s) => s ?? added[0]!.key);
  }, []);

  const remove = useCallback((key: string) => {
    base64Cache.current.delete(key);
    setItems((list) => list.filter((i) => i.key !== key));
    setSelected((s) => (s === key ? null : s));
  }, []);

  const clear = useCallback(() => {
    base64Cache.current.clear();
    setItems([]);
    setSelected(null);
  }, []);

  const current = items.find((i) => i.key === selected) ?? null;
  const currentKey = current?.key ?? null;
  const currentEncoding = current?.encoding ?? 'auto';
  const currentFile = current?.file ?? null;
  // Typed patterns reach the preview once typing pauses (useDebounced.ts).
  const patterns = useDebounced(settings.patterns, PATTERN_DEBOUNCE_MS);

  // Live preview of the selected file whenever it, its encoding or the cleaning settings change.
  useEffect(() => {
    if (!currentKey || !currentFile) return;
    const item = items.find((i) => i.key === currentKey)!;
    // Too large: the error was set when the file was added; nothing to send.
    if (tooLarge(currentFile)) return;
    let stale = false;
    void (async () => {
      setPreviewing(true);
      try {
        const preview = await store.api.call('import-preview', {
          fileName: currentFile.name,
          contentBase64: await base64(item),
          encoding: currentEncoding,
          cleaning: settings.cleaning,
          patterns: patternList(patterns),
        });
        if (!stale) patch(currentKey, { preview, previewError: null });
      } catch (err) {
        if (!stale) patch(currentKey, { preview: null, previewError: asPizhuError(err) });
      } finally {
        if (!stale) setPreviewing(false);
      }
    })();
    return () => {
      stale = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- items is read, not a trigger
  }, [currentKey, currentFile, currentEncoding, settings.cleaning, patterns, store, base64, patch]);

  // Files not selected yet are previewed in the background, one at a time, so a file that
  // duplicates an existing document is known (and not counted as to-import) before the run.
  const waiting = items.find(
    (i) =>
      i.key !== currentKey &&
      !i.preview &&
      !i.previewError &&
      i.status.kind === 'pending' &&
      !tooLarge(i.file),
  );
  const waitingKey = waiting?.key ?? null;
  useEffect(() => {
    if (!waiting) return;
    let stale = false;
    void (async () => {
      try {
        const preview = await store.api.call('import-preview', {
          fileName: waiting.file.name,
          contentBase64: await base64(waiting),
          encoding: waiting.encoding,
          cleaning: settings.cleaning,
          patterns: patternList(settings.patterns),
        });
        if (!stale) patch(waiting.key, { preview, previewError: null });
      } catch (err) {
        if (!stale) patch(waiting.key, { preview: null, previewError: asPizhuError(err) });
      }
    })();
    return () => {
      stale = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the waiting file
  }, [waitingKey]);

  const setEncoding = useCallback(
    (key: string, encoding: ImportEncoding | 'auto') => patch(key, { encoding }),
    [patch],
  );

  const start = useCallback(async () => {
    const queue = items.filter((i) => i.status.kind === 'pending' || i.status.kind === 'cancelled');
    if (queue.length === 0) return;
    cancelled.current = false;
    setRun({ running: true, done: 0, total: queue.length });
    let imported = 0;
    let skipped = 0;
    let failed = 0;
    for (const [n, item] of queue.entries()) {
      if (cancelled.current) {
        for (const rest of queue.slice(n)) patch(rest.key, { status: { kind: 'cancelled' } });
        break;
      }
      try {
        if (tooLarge(item.file)) throw sizeError(item);
        const splitAt =
          item.splitOnImport && item.preview ? item.preview.splits.map((s) => s.at).filter((a) => a > 0) : [];
        const result = await store.api.call('import-commit', {
          fileName: item.file.name,
          contentBase64: await base64(item),
          encoding: item.encoding,
          cleaning: settings.cleaning,
          patterns: patternList(settings.patterns),
          skipDuplicates: settings.skipDuplicates,
          splitAt,
          // Known in Electron (preload); a browser never reveals a file's path.
          sourcePath: window.pizhu?.pathForFile(item.file) ?? null,
          deferIndex: queue.length > 1,
          ...(item.title.trim() !== '' ? { title: item.title.trim() } : {}),
        });
        store.setHistory(result.history);
        if (result.status === 'imported') {
          imported++;
          patch(item.key, { status: { kind: 'imported', result } });
        } else {
          skipped++;
          patch(item.key, { status: { kind: 'skipped', result } });
        }
      } catch (err) {
        failed++;
        patch(item.key, { status: { kind: 'failed', error: asPizhuError(err) } });
      }
      setRun({ running: true, done: n + 1, total: queue.length });
    }
    if (queue.length > 1) await buildIndex(store, setRun);
    setRun((r) => ({ ...r, running: false, indexing: false }));
    await store.refreshProject();
    store.toast({ tone: 'info', message: { key: 'import.done', params: { imported, skipped, failed } } });
  }, [items, settings, store, base64, patch]);

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  return {
    items,
    current,
    select: setSelected,
    addFiles,
    remove,
    clear,
    setEncoding,
    setSplitOnImport: (key: string, on: boolean) => patch(key, { splitOnImport: on }),
    setTitle: (key: string, title: string) => patch(key, { title }),
    settings,
    setSettings,
    previewing,
    run,
    start,
    cancel,
  };
}
