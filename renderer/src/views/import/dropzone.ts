/**
 * Dropping files anywhere on the window, whatever view is open: the files are queued here and the
 * import view is opened, which takes them (`takeDroppedFiles`) when it mounts or when new ones
 * arrive. Without this, Chromium/Electron would navigate to the dropped file.
 */
const listeners = new Set<() => void>();
let pending: File[] = [];

export function takeDroppedFiles(): File[] {
  const files = pending;
  pending = [];
  return files;
}

export function onDroppedFiles(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Installs the window listeners once; returns the uninstaller. `open` shows the import view. */
export function installGlobalDrop(open: () => void): () => void {
  const over = (e: DragEvent) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };
  const drop = (e: DragEvent) => {
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    pending = [...pending, ...Array.from(e.dataTransfer.files)];
    open();
    for (const l of listeners) l();
  };
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
  };
}
