/**
 * One disagreement opened: the text around the unit once per compared coder, each coder's
 * annotations with the code marked in their colour and the unit outlined, then the resolution
 * into the consensus coder — keep one coder's annotations, keep all, edit a range, or none.
 * Each resolution is one undo step.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { Disagreement } from '../../../../shared/contracts/agreement';
import type { Coder } from '../../../../shared/domain';
import { sliceCodePoints } from '../../../../shared/text/offsets';
import { useI18n } from '../../i18n';
import type { Store } from '../../state/store';

const CONTEXT = 30;

export type Resolution = { start: number; end: number }[];

interface Props {
  store: Store;
  item: Disagreement;
  coders: Coder[];
  comparedIds: string[];
  onResolve: (ranges: Resolution) => void;
  onOpen: () => void;
}

const textCache = new Map<string, string>();

function Marked({
  text,
  from,
  marks,
  unit,
  color,
}: {
  text: string;
  from: number;
  marks: { start: number; end: number }[];
  unit: { start: number; end: number };
  color: string;
}) {
  const cps = [...text];
  const out: ReactElement[] = [];
  let i = 0;
  while (i < cps.length) {
    const at = from + i;
    const marked = marks.some((m) => m.start <= at && at < m.end);
    const inUnit = unit.start <= at && at < unit.end;
    let j = i + 1;
    while (
      j < cps.length &&
      marks.some((m) => m.start <= from + j && from + j < m.end) === marked &&
      (unit.start <= from + j && from + j < unit.end) === inUnit
    )
      j++;
    const piece = cps.slice(i, j).join('');
    out.push(
      <span
        key={i}
        className={inUnit ? 'pz-dis-unit' : undefined}
        style={marked ? { background: `${color}55`, boxShadow: `inset 0 -2px ${color}` } : undefined}
      >
        {piece}
      </span>,
    );
    i = j;
  }
  return <>{out}</>;
}

export function DisagreementDetail({ store, item, coders, comparedIds, onResolve, onOpen }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState<string | null>(textCache.get(item.documentId) ?? null);
  const allStart = Math.min(item.start, ...item.annotations.map((a) => a.start));
  const allEnd = Math.max(item.end, ...item.annotations.map((a) => a.end));
  const [edit, setEdit] = useState<{ start: number; end: number } | null>(null);

  useEffect(() => {
    if (text !== null) return;
    let live = true;
    void store.api.call('documents-get', { id: item.documentId }).then((d) => {
      textCache.set(d.id, d.text);
      if (live) setText(d.text);
    });
    return () => {
      live = false;
    };
  }, [item.documentId, store, text]);

  const from = Math.max(0, allStart - CONTEXT);
  const snippet = text === null ? '' : sliceCodePoints(text, from, allEnd + CONTEXT);
  const byCoder = comparedIds.map((id) => ({
    coder: coders.find((c) => c.id === id),
    ranges: item.annotations.filter((a) => a.coderId === id).map((a) => ({ start: a.start, end: a.end })),
  }));

  return (
    <div className="pz-dis-detail" data-testid="disagreement-detail">
      {byCoder.map(({ coder, ranges }) => (
        <div key={coder?.id} className="pz-dis-line" data-coder={coder?.name}>
          <span className="pz-dis-who">
            <span className="pz-coder-dot" style={{ background: coder?.color }} aria-hidden /> {coder?.name}
          </span>
          <span className="pz-dis-text">
            {text === null ? (
              '…'
            ) : (
              <Marked text={snippet} from={from} marks={ranges} unit={item} color={coder?.color ?? '#888'} />
            )}
          </span>
        </div>
      ))}
      <div className="pz-dis-actions">
        {byCoder
          .filter((b) => b.ranges.length > 0)
          .map(({ coder, ranges }) => (
            <button key={coder?.id} type="button" onClick={() => onResolve(ranges)}>
              {t('agreement.keepOne', { name: coder?.name ?? '' })}
            </button>
          ))}
        <button
          type="button"
          onClick={() => onResolve(item.annotations.map((a) => ({ start: a.start, end: a.end })))}
        >
          {t('agreement.keepAll')}
        </button>
        <button type="button" onClick={() => onResolve([])}>
          {t('agreement.keepNone')}
        </button>
        <button type="button" onClick={() => setEdit(edit ? null : { start: allStart, end: allEnd })}>
          {t('agreement.edit')}
        </button>
        <button type="button" className="pz-link" onClick={onOpen}>
          {t('agreement.openSideBySide')}
        </button>
      </div>
      {edit ? (
        <form
          className="pz-dis-edit"
          onSubmit={(e) => {
            e.preventDefault();
            if (edit.start < edit.end) onResolve([edit]);
          }}
        >
          <label>
            {t('agreement.editStart')}{' '}
            <input
              type="number"
              min={0}
              value={edit.start}
              onChange={(e) => setEdit({ ...edit, start: Number(e.target.value) })}
            />
          </label>
          <label>
            {t('agreement.editEnd')}{' '}
            <input
              type="number"
              min={1}
              value={edit.end}
              onChange={(e) => setEdit({ ...edit, end: Number(e.target.value) })}
            />
          </label>
          <span className="pz-muted pz-small">
            {text === null ? '' : `「${sliceCodePoints(text, edit.start, edit.end)}」`}
          </span>
          <button type="submit" disabled={!(edit.start < edit.end)}>
            {t('agreement.saveEdit')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
