/**
 * Search results as KWIC lines grouped by document, virtualised (@tanstack/react-virtual) so
 * that tens of thousands of hits scroll smoothly. Each document header shows its count (once the
 * result is counted: a first page has none yet) and a checkbox for all its hits; each hit has a checkbox and opens its document when clicked.
 */
import { useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SearchDocumentResult, SearchHit, SearchResult } from '../../../../shared/contracts/search';
import { useI18n } from '../../i18n';
import { hitKey } from './state';

type Row = { kind: 'doc'; group: SearchDocumentResult } | { kind: 'hit'; hit: SearchHit };

interface Props {
  result: SearchResult;
  selected: ReadonlySet<string>;
  onToggle: (hits: readonly SearchHit[], on: boolean) => void;
  onOpen: (hit: SearchHit) => void;
}

/** Line breaks inside the context would break the one-line KWIC layout. */
function flat(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

export function ResultsList({ result, selected, onToggle, onOpen }: Props) {
  const { t } = useI18n();
  const parentRef = useRef<HTMLDivElement>(null);
  const rows = useMemo<Row[]>(
    () =>
      result.documents.flatMap((group) => [
        { kind: 'doc' as const, group },
        ...group.hits.map((hit) => ({ kind: 'hit' as const, hit })),
      ]),
    [result],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: (i) => (rows[i]!.kind === 'doc' ? 40 : 30),
    overscan: 12,
  });
  return (
    <div ref={parentRef} className="pz-search-results" data-testid="search-results">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const style = {
            position: 'absolute',
            top: 0,
            left: 0,
            right: 0,
            transform: `translateY(${item.start}px)`,
          } as const;
          if (row.kind === 'doc') {
            const { group } = row;
            const all = group.hits.length > 0 && group.hits.every((h) => selected.has(hitKey(h)));
            return (
              <div
                key={`d:${group.documentId}`}
                ref={virtualizer.measureElement}
                data-index={item.index}
                style={style}
                className="pz-search-doc"
                data-testid="search-doc"
                data-document-id={group.documentId}
              >
                <input
                  type="checkbox"
                  checked={all}
                  disabled={group.hits.length === 0}
                  aria-label={t('search.selectDoc')}
                  onChange={(e) => onToggle(group.hits, e.target.checked)}
                />
                <span className="pz-search-doc-title">{group.title}</span>
                {result.counted && (
                  <span className="pz-search-count" data-testid="search-doc-count">
                    {t('search.docCount', { count: group.count })}
                  </span>
                )}
                {result.counted && group.hits.length < group.count && (
                  <span className="pz-muted pz-small">
                    {t('search.docShown', { shown: group.hits.length, count: group.count })}
                  </span>
                )}
              </div>
            );
          }
          const { hit } = row;
          const key = hitKey(hit);
          return (
            <div
              key={`h:${key}`}
              ref={virtualizer.measureElement}
              data-index={item.index}
              style={style}
              className="pz-search-hit"
              data-testid="search-hit"
              data-key={key}
            >
              <input
                type="checkbox"
                checked={selected.has(key)}
                aria-label={t('search.selectHit')}
                onChange={(e) => onToggle([hit], e.target.checked)}
              />
              <button
                type="button"
                className="pz-kwic"
                title={t('search.openHit')}
                onClick={() => onOpen(hit)}
              >
                <span className="pz-kwic-left">
                  <span>{flat(hit.left)}</span>
                </span>
                <mark className="pz-kwic-match">{flat(hit.match)}</mark>
                <span className="pz-kwic-right">{flat(hit.right)}</span>
              </button>
              <span
                className="pz-kwic-offset pz-muted pz-small"
                title={t('search.offsetTitle', { start: hit.start, end: hit.end })}
                aria-label={t('search.offsetTitle', { start: hit.start, end: hit.end })}
              >
                {t('search.offset', { start: hit.start })}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
