/**
 * Paged loading of coded segments for a virtualised list: the first page brings the total and the
 * group headers; further pages (PAGE_SIZE rows) are fetched when the list shows an index whose
 * page is not loaded yet. Results of an older query are dropped (a generation counter), so typing
 * in a filter never shows rows of a previous filter.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../../shared/api';
import type { SegmentFilter, SegmentGroup, SegmentRow } from '../../../../shared/contracts/segments';
import { PizhuError } from '../../../../shared/errors';
import type { SegmentsState } from './link';

export const PAGE_SIZE = 200;

export interface SegmentsData {
  /** Null until the first page of the current query arrived. */
  total: number | null;
  groups: SegmentGroup[] | null;
  /** Row at a position of the sorted list, or undefined while its page loads. */
  rowAt: (index: number) => SegmentRow | undefined;
  /** Asks for the pages covering [from, to] (called by the list for its visible range). */
  ensure: (from: number, to: number) => void;
  error: PizhuError | null;
  /** Bumped when rows arrive, so the list re-renders. */
  version: number;
}

export function useSegments(
  api: ApiClient,
  filter: SegmentFilter,
  order: Pick<SegmentsState, 'sort' | 'direction' | 'groupBy'>,
  refresh: number,
): SegmentsData {
  const key = JSON.stringify({ filter, order, refresh });
  const [state, setState] = useState<{
    key: string;
    total: number | null;
    groups: SegmentGroup[] | null;
    error: PizhuError | null;
  }>({
    key,
    total: null,
    groups: null,
    error: null,
  });
  const [version, setVersion] = useState(0);
  const pages = useRef(new Map<number, SegmentRow[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);

  const load = useCallback(
    (page: number, gen: number, withMeta: boolean) => {
      if (loading.current.has(page) || pages.current.has(page)) return;
      loading.current.add(page);
      const input = {
        ...filter,
        sort: order.sort,
        direction: order.direction,
        groupBy: order.groupBy,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      };
      api.call('segments-query', input).then(
        (result) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          pages.current.set(page, result.rows);
          if (withMeta) setState({ key, total: result.total, groups: result.groups, error: null });
          setVersion((v) => v + 1);
        },
        (err: unknown) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          setState((s) => ({
            ...s,
            key,
            error: err instanceof PizhuError ? err : new PizhuError('internal', String(err)),
          }));
        },
      );
    },
    // `key` captures filter and order.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    loading.current = new Set();
    load(0, generation.current, true);
  }, [load]);

  const ensure = useCallback(
    (from: number, to: number) => {
      for (
        let p = Math.floor(Math.max(0, from) / PAGE_SIZE);
        p <= Math.floor(Math.max(0, to) / PAGE_SIZE);
        p++
      )
        load(p, generation.current, false);
    },
    [load],
  );

  const current = state.key === key;
  return {
    total: current ? state.total : null,
    groups: current ? state.groups : null,
    error: current ? state.error : null,
    rowAt: (index) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensure,
    version,
  };
}
