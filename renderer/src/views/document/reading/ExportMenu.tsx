/**
 * "Export annotated" menu (DOCX with Word comments, or one self-contained HTML page) for the
 * document being read, or for a list of documents in the library; the text in the script view
 * chosen in the document view, the labels in the UI language. Saving goes through `saveFile`
 * (native dialog in Electron, a download in the browser), with the usual toasts.
 */
import { useCallback, useRef, useState } from 'react';
import type { AnnotatedFormat, ExportScript } from '../../../../../shared/contracts/annotated-export';
import { saveFile } from '../../../api/client';
import { useDismiss } from '../../../components/useDismiss';
import { useI18n, type MessageKey } from '../../../i18n';
import { asPizhuError, type Store } from '../../../state/store';

export async function exportAnnotated(
  store: Store,
  input: {
    format: AnnotatedFormat;
    documentIds: string[];
    script: ExportScript;
    locale: 'zh-CN' | 'zh-TW' | 'en';
  },
): Promise<void> {
  try {
    const file = await store.api.call('export-annotated', input);
    const path = await saveFile(file.fileName, file.content, file.mimeType, file.encoding ?? 'utf-8');
    if (path === null) store.toast({ tone: 'info', message: { key: 'export.cancelled' } });
    else
      store.toast({
        tone: 'info',
        message: { key: 'reading.exported', params: { count: file.rowCount, file: path } },
      });
  } catch (err) {
    store.toast({ tone: 'error', error: asPizhuError(err) });
  }
}

interface Props {
  store: Store;
  documentIds: readonly string[];
  script: ExportScript;
  /** The button's text (the document view's or the library's). */
  label: string;
  title?: string;
  /** A line above the choices naming what is exported. */
  scope?: string;
}

export function ExportMenu({ store, documentIds, script, label, title, scope }: Props) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(
    ref,
    open,
    useCallback(() => setOpen(false), []),
  );
  const run = async (format: AnnotatedFormat) => {
    setOpen(false);
    setBusy(true);
    try {
      await exportAnnotated(store, { format, documentIds: [...documentIds], script, locale });
    } finally {
      setBusy(false);
    }
  };
  const item = (format: AnnotatedFormat, key: MessageKey) => (
    <button type="button" role="menuitem" data-format={format} onClick={() => void run(format)}>
      {t(key)}
    </button>
  );
  return (
    <div className="pz-menu pz-export-annotated" ref={ref}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy || documentIds.length === 0}
        title={title}
        onClick={() => setOpen((o) => !o)}
      >
        {busy ? t('reading.exporting') : `⇩ ${label}`}
      </button>
      {open ? (
        <div role="menu" className="pz-menu-list">
          {scope ? <p className="pz-muted pz-small pz-menu-note">{scope}</p> : null}
          {item('docx', 'reading.exportDocx')}
          {item('html', 'reading.exportHtml')}
        </div>
      ) : null}
    </div>
  );
}
