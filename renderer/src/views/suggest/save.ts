/** Exports the rule set through the platform's save dialog (a download in the browser). */
import type { ExportFile } from '../../../../shared/domain';
import { saveFile } from '../../api/client';
import { asPizhuError, type Store } from '../../state/store';

export async function saveExport(store: Store, make: () => Promise<ExportFile>): Promise<void> {
  try {
    const file = await make();
    const path = await saveFile(file.fileName, file.content, file.mimeType);
    if (path === null) store.toast({ tone: 'info', message: { key: 'export.cancelled' } });
    else
      store.toast({
        tone: 'info',
        message: { key: 'export.done', params: { count: file.rowCount, file: path } },
      });
  } catch (err) {
    store.toast({ tone: 'error', error: asPizhuError(err) });
  }
}
