/**
 * The project's document attributes and their values (`attributes-list`), reloaded after every
 * undoable change (setting a value is one), for the attribute filter and the analysis grouping.
 */
import { useEffect, useState } from 'react';
import type { AttributeTable } from '../../../../shared/attributes';
import type { Store } from '../../state/store';
import { asPizhuError, useStore } from '../../state/store';

export function useAttributeTable(store: Store): AttributeTable | null {
  const revision = useStore(store, (s) => s.historyRevision);
  const [table, setTable] = useState<AttributeTable | null>(null);
  useEffect(() => {
    let live = true;
    store.api.call('attributes-list', {}).then(
      (t) => live && setTable(t),
      (err: unknown) => live && store.toast({ tone: 'error', error: asPizhuError(err) }),
    );
    return () => {
      live = false;
    };
  }, [store, revision]);
  return table;
}
