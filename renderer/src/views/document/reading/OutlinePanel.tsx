/**
 * The outline panel at the left of the text: the document's numbered headings (and, if asked,
 * its inline items) indented by level, each with its annotation counts by code; a click jumps to
 * the section, and the section being read is marked and kept in view as the text scrolls. The
 * list is virtualised (fixed row height): a 300,000-character report can have thousands of rows.
 */
import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { LIST_INITIAL_RECT, observeListRect, scrollList } from '../listRect';
import type { Code } from '../../../../../shared/domain';
import { useI18n } from '../../../i18n';
import type { OutlineItem } from './outline';

const ROW = 30;

interface Props {
  items: readonly OutlineItem[];
  /** False until the structure has been detected (no "no headings" message before that). */
  ready: boolean;
  current: number;
  codes: readonly Code[];
  withItems: boolean;
  onWithItems: (on: boolean) => void;
  onJump: (item: OutlineItem) => void;
}

/** Memoised: an edit re-renders it only once its counts have changed (a deferred render). */
export const OutlinePanel = memo(function OutlinePanel({
  items,
  ready,
  current,
  codes,
  withItems,
  onWithItems,
  onJump,
}: Props) {
  const { t } = useI18n();
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW,
    // No layout forced as the list mounts (listRect.ts).
    observeElementRect: observeListRect,
    initialRect: LIST_INITIAL_RECT,
    scrollToFn: scrollList,
    overscan: 12,
    // A scroll re-renders the rows in a task of their own, not inside the scroll event of the
    // frame (the overscan covers the rows a frame late).
    useFlushSync: false,
  });
  // Keep the section being read in view: one scroll of the list (rows have a fixed height), only
  // when its row is outside the list's box, once the main thread is idle. Not the virtualizer's
  // scrollToIndex: its reconcile loop measures (a forced layout) in each of the following frames,
  // and after a jump through the text those frames were the next key press's.
  useEffect(() => {
    const list = parentRef.current;
    if (current < 0 || !list) return;
    const follow = () => {
      const top = current * ROW;
      if (top < list.scrollTop) list.scrollTop = top;
      else if (top + ROW > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW - list.clientHeight;
    };
    if (typeof requestIdleCallback !== 'function') return follow();
    const id = requestIdleCallback(follow, { timeout: 200 });
    return () => cancelIdleCallback(id);
  }, [current]);
  const codeOf = new Map(codes.map((c) => [c.id, c]));
  return (
    <aside className="pz-outline" aria-label={t('reading.outlineTitle')}>
      <div className="pz-outline-head">
        <h2 className="pz-outline-heading">{t('reading.outlineTitle')}</h2>
        <label className="pz-check pz-small">
          <input type="checkbox" checked={withItems} onChange={(e) => onWithItems(e.target.checked)} />
          {t('reading.outlineItems')}
        </label>
      </div>
      {ready && items.length === 0 ? <p className="pz-hint pz-muted">{t('reading.outlineEmpty')}</p> : null}
      <div ref={parentRef} className="pz-outline-list" role="list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const item = items[v.index]!;
            const { node } = item;
            const counts = [...item.counts].flatMap(([id, n]) => {
              const c = codeOf.get(id);
              return c ? [{ c, n }] : [];
            });
            return (
              <div
                key={v.key}
                role="listitem"
                className={`pz-outline-row${v.index === current ? ' is-current' : ''}${node.heading ? ' is-heading' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW,
                  transform: `translateY(${v.start}px)`,
                }}
                aria-current={v.index === current ? 'location' : undefined}
                data-level={node.level}
              >
                <button
                  type="button"
                  className="pz-outline-link"
                  style={{ paddingLeft: 8 + (item.depth - 1) * 14 }}
                  onClick={() => onJump(item)}
                  title={`${node.marker}${node.title}`}
                >
                  <span className="pz-outline-marker">{node.marker}</span>
                  <span className="pz-outline-title">{node.title}</span>
                </button>
                {counts.length > 0 ? (
                  <span
                    className="pz-outline-counts"
                    title={t('reading.outlineCounts', {
                      counts: counts.map(({ c, n }) => `${c.name} ${n}`).join('，'),
                    })}
                  >
                    {counts.map(({ c, n }) => (
                      <span key={c.id} className="pz-outline-count" data-code={c.name}>
                        <span className="pz-swatch" style={{ background: c.color }} />
                        {n}
                      </span>
                    ))}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
    </aside>
  );
});
