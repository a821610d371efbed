/**
 * The library's "export annotated" button: the ticked documents, or, with none ticked, every
 * document listed (all, or the members of the set the library is filtered by), in the script
 * view last chosen in the document view.
 */
import type { DocumentSummary } from '../../../../../shared/domain';
import { useI18n } from '../../../i18n';
import type { Store } from '../../../state/store';
import { useScriptView } from '../prefs';
import { ExportMenu } from './ExportMenu';

interface Props {
  store: Store;
  documents: readonly DocumentSummary[];
  selected: ReadonlySet<string>;
}

export function LibraryExport({ store, documents, selected }: Props) {
  const { t } = useI18n();
  const [script] = useScriptView();
  const ids = documents.filter((d) => selected.size === 0 || selected.has(d.id)).map((d) => d.id);
  return (
    <ExportMenu
      store={store}
      documentIds={ids}
      script={script}
      label={t('reading.exportLibrary', { count: ids.length })}
      title={t('reading.exportLibraryHint')}
    />
  );
}
