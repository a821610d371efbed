/** Saving a file made by the segments or analysis views, with the toast the user expects. */
import type { FileEncoding } from '../../../../shared/domain';
import { saveFile } from '../../api/client';
import { asPizhuError, type Store } from '../../state/store';

export async function saveWithToast(
  store: Store,
  file: { fileName: string; content: string; mimeType: string; encoding?: FileEncoding | undefined },
  done: { key: 'segments.exported' | 'analysis.exported'; count?: number },
): Promise<void> {
  try {
    const path = await saveFile(file.fileName, file.content, file.mimeType, file.encoding ?? 'utf-8');
    if (path === null) store.toast({ tone: 'info', message: { key: 'export.cancelled' } });
    else
      store.toast({
        tone: 'info',
        message: { key: done.key, params: { file: path, count: done.count ?? 0 } },
      });
  } catch (err) {
    store.toast({ tone: 'error', error: asPizhuError(err) });
  }
}
