/**
 * A small memo button for a document (in the library): ✎, highlighted when the document has a
 * memo; opens a popover to write it. Saved with `documents-update-memo` (undoable).
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../../shared/domain';
import { useI18n } from '../../i18n';
import type { Store } from '../../state/store';
import { mutate } from '../codebook/actions';

export function DocumentMemoButton({ store, doc }: { store: Store; doc: DocumentSummary }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const save = async () => {
    const memo = textRef.current?.value ?? doc.memo;
    if (memo !== doc.memo) {
      const r = await mutate(store, 'documents-update-memo', { id: doc.id, memo });
      if (!r) return;
      store.toast({ tone: 'info', message: { key: 'memos.saved' } });
    }
    setOpen(false);
  };

  return (
    <div className="pz-docmemo" ref={ref}>
      <button
        type="button"
        className={`pz-docmemo-btn${doc.memo ? ' has-memo' : ''}`}
        title={doc.memo || t('memos.documentMemo')}
        aria-label={t('memos.documentMemoFor', { title: doc.title })}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        ✎
      </button>
      {open ? (
        <div
          className="pz-docmemo-pop"
          role="dialog"
          aria-label={t('memos.documentMemoFor', { title: doc.title })}
        >
          <textarea
            ref={textRef}
            rows={5}
            autoFocus
            defaultValue={doc.memo}
            placeholder={t('memos.documentMemoPlaceholder')}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(false);
            }}
          />
          <div className="pz-dialog-actions">
            <button type="button" onClick={() => setOpen(false)}>
              {t('codebook.cancel')}
            </button>
            <button type="button" className="pz-primary" onClick={() => void save()}>
              {t('memos.save')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
