/**
 * The agreement view's state: the chosen coders, unit, documents and codes (kept in a module
 * variable so the choice survives opening a document and coming back), the report and the
 * disagreement list, reloaded after every undo/redo.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgreementReport, AgreementUnit, Disagreement } from '../../../../shared/contracts/agreement';
import { useStore, type Store, asPizhuError } from '../../state/store';

export interface AgreementChoice {
  coderIds: string[];
  unit: AgreementUnit;
  /** null: every document one of the coders coded. */
  documentIds: string[] | null;
  /** null: every code one of them used there. */
  codeIds: string[] | null;
  consensus: string;
}

let remembered: AgreementChoice | null = null;

export function useAgreement(store: Store, defaultConsensus: string) {
  const coders = useStore(store, (s) => s.coders);
  const [choice, setChoiceState] = useState<AgreementChoice>(
    () =>
      remembered ?? {
        coderIds: coders
          .filter((c) => !c.archived)
          .slice(0, 2)
          .map((c) => c.id),
        unit: 'character',
        documentIds: null,
        codeIds: null,
        consensus: defaultConsensus,
      },
  );
  const setChoice = useCallback((patch: Partial<AgreementChoice>) => {
    setChoiceState((c) => {
      const next = { ...c, ...patch };
      remembered = next;
      return next;
    });
  }, []);
  const [report, setReport] = useState<AgreementReport | null>(null);
  const [disagreements, setDisagreements] = useState<{ list: Disagreement[]; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [ran, setRan] = useState(false);

  const scope = useCallback(() => {
    const s: { coderIds: string[]; unit: AgreementUnit; documentIds?: string[]; codeIds?: string[] } = {
      coderIds: choice.coderIds,
      unit: choice.unit,
    };
    if (choice.documentIds) s.documentIds = choice.documentIds;
    if (choice.codeIds) s.codeIds = choice.codeIds;
    return s;
  }, [choice]);

  const compute = useCallback(async () => {
    if (choice.coderIds.length < 2) return;
    remembered = choice;
    setBusy(true);
    try {
      const [r, d] = await Promise.all([
        store.api.call('agreement-compute', scope()),
        store.api.call('agreement-disagreements', {
          ...scope(),
          consensusCoder: choice.consensus || undefined,
        }),
      ]);
      setReport(r);
      setDisagreements({ list: d.disagreements, total: d.total });
      setRan(true);
    } catch (err) {
      store.toast({ tone: 'error', error: asPizhuError(err) });
    } finally {
      setBusy(false);
    }
  }, [choice, scope, store]);

  // Undo/redo may change what the coders did: recompute what is shown, if anything is.
  const latest = useRef({ compute, ran });
  useEffect(() => {
    latest.current = { compute, ran };
  }, [compute, ran]);
  useEffect(() => {
    let last = store.getState().historyRevision;
    return store.subscribe(() => {
      const revision = store.getState().historyRevision;
      if (revision === last) return;
      last = revision;
      if (!latest.current.ran) return;
      // The step may have created or removed a coder (a consensus coder, an imported one).
      void store.refreshProject().then(() => latest.current.compute());
    });
  }, [store]);

  // Coming back to the view with a choice made before: show its results again.
  const wasRemembered = useRef(remembered !== null);
  useEffect(() => {
    if (wasRemembered.current) void latest.current.compute();
  }, []);

  return { choice, setChoice, report, disagreements, busy, compute, scope };
}
