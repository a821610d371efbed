/**
 * One coded segment in the list: a left border in the code's colour, the code path, document and
 * coder, then the quote emphasised between a little context, and the memo. A click (or Enter)
 * opens the document with the annotation selected.
 */
import type { SegmentRow } from '../../../../shared/contracts/segments';
import { useI18n } from '../../i18n';

/** Context shown on one line: line breaks become a visible mark so the quote stays in place. */
function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ⏎ ');
}

export function SegmentRowView({ row, onOpen }: { row: SegmentRow; onOpen: (row: SegmentRow) => void }) {
  const { t } = useI18n();
  return (
    <div
      className="pz-seg-row"
      role="button"
      tabIndex={0}
      data-annotation-id={row.id}
      style={{ borderLeftColor: row.codeColor }}
      title={t('segments.open')}
      onClick={() => onOpen(row)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(row);
        }
      }}
    >
      <div className="pz-seg-meta">
        <span className="pz-seg-code" style={{ color: row.codeColor }}>
          {row.codePath.join(' › ')}
        </span>
        <span className="pz-seg-doc">{row.documentTitle}</span>
        <span className="pz-muted">{row.coderName}</span>
        <span className="pz-muted">{t('segments.chars', { count: row.end - row.start })}</span>
      </div>
      <div className="pz-seg-text">
        {row.before ? <span className="pz-seg-context">…{flat(row.before)}</span> : null}
        <mark className="pz-seg-quote" style={{ textDecorationColor: row.codeColor }}>
          {flat(row.text)}
        </mark>
        {row.after ? <span className="pz-seg-context">{flat(row.after)}…</span> : null}
      </div>
      {row.memo ? <div className="pz-seg-memo">{row.memo}</div> : null}
    </div>
  );
}
