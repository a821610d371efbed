/**
 * 一致性 (agreement): choose two or more coders, the unit (字/句/段/文档), optionally the
 * documents and codes; see per code and overall percent agreement, Cohen's κ, Fleiss' κ,
 * Krippendorff's α and α_u with the definitions; export CSV or an HTML report; go through the
 * disagreements and resolve each into a consensus coder (one undo step each).
 */
import { useEffect, useState } from 'react';
import {
  AGREEMENT_UNITS,
  type AgreementUnit,
  type Disagreement,
} from '../../../../shared/contracts/agreement';
import { saveFile } from '../../api/client';
import { useI18n } from '../../i18n';
import { asPizhuError, useStore } from '../../state/store';
import { setCoderView } from '../coders/coderView';
import type { ViewProps } from '../view-props';
import { DisagreementDetail, type Resolution } from './DisagreementDetail';
import { ResultTable } from './ResultTable';
import { useAgreement } from './useAgreement';
import './agreement.css';

const PAGE = 200;

export function AgreementView({ store, navigate }: ViewProps) {
  const { t, locale } = useI18n();
  const coders = useStore(store, (s) => s.coders);
  const codes = useStore(store, (s) => s.codes);
  const documents = useStore(store, (s) => s.documents);
  const { choice, setChoice, report, disagreements, busy, compute, scope } = useAgreement(
    store,
    t('agreement.consensusDefault'),
  );
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const name = (id: string) => coders.find((c) => c.id === id)?.name ?? '?';
  // Annotation counts change as people code elsewhere: start from fresh ones.
  useEffect(() => {
    void store.refreshProject();
  }, [store]);

  const toggle = (list: string[], id: string) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

  const exportReport = async (format: 'csv' | 'html') => {
    try {
      const f = await store.api.call('agreement-report', { ...scope(), format, language: locale });
      const path = await saveFile(f.fileName, f.content, f.mimeType);
      if (path !== null)
        store.toast({ tone: 'info', message: { key: 'agreement.exported', params: { file: path } } });
    } catch (err) {
      store.toast({ tone: 'error', error: asPizhuError(err) });
    }
  };

  const resolve = async (item: Disagreement, ranges: Resolution) => {
    const r = await store.write(() =>
      store.api.call('agreement-resolve', {
        consensusCoder: choice.consensus.trim() || t('agreement.consensusDefault'),
        documentId: item.documentId,
        codeId: item.codeId,
        start: item.start,
        end: item.end,
        ranges,
      }),
    );
    if (!r) return;
    store.setHistory(r.history);
    store.toast({ tone: 'info', message: { key: 'agreement.resolved' } });
    await store.refreshProject();
    await compute();
  };

  const openSideBySide = (item: Disagreement) => {
    const [left, right] =
      item.codedBy.length > 0
        ? [item.codedBy[0]!, choice.coderIds.find((id) => !item.codedBy.includes(id)) ?? choice.coderIds[1]!]
        : [choice.coderIds[0]!, choice.coderIds[1]!];
    setCoderView({ kind: 'compare', left, right });
    navigate.toDocument(item.documentId, { start: item.start, end: item.end });
  };

  const candidates = coders.filter((c) => !c.archived || choice.coderIds.includes(c.id));

  return (
    <section className="pz-agreement" aria-labelledby="agreement-title">
      <h1 id="agreement-title">{t('agreement.title')}</h1>
      <form
        className="pz-agreement-form"
        onSubmit={(e) => {
          e.preventDefault();
          void compute();
        }}
      >
        <fieldset>
          <legend>{t('agreement.coders')}</legend>
          {candidates.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={choice.coderIds.includes(c.id)}
                onChange={() => setChoice({ coderIds: toggle(choice.coderIds, c.id) })}
              />{' '}
              <span className="pz-coder-dot" style={{ background: c.color }} aria-hidden /> {c.name}
            </label>
          ))}
        </fieldset>
        <label>
          {t('agreement.unit')}{' '}
          <select
            value={choice.unit}
            onChange={(e) => setChoice({ unit: e.target.value as AgreementUnit })}
            data-testid="agreement-unit"
          >
            {AGREEMENT_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`agreement.unit.${u}`)}
              </option>
            ))}
          </select>
        </label>
        <details>
          <summary>
            {choice.documentIds
              ? t('agreement.documentsSome', { count: choice.documentIds.length })
              : t('agreement.documentsDefault')}
          </summary>
          <label>
            <input
              type="checkbox"
              checked={choice.documentIds === null}
              onChange={() => setChoice({ documentIds: choice.documentIds ? null : [] })}
            />{' '}
            {t('agreement.documentsDefault')}
          </label>
          {choice.documentIds
            ? documents.map((d) => (
                <label key={d.id} className="pz-block">
                  <input
                    type="checkbox"
                    checked={choice.documentIds!.includes(d.id)}
                    onChange={() => setChoice({ documentIds: toggle(choice.documentIds!, d.id) })}
                  />{' '}
                  {d.title}
                </label>
              ))
            : null}
        </details>
        <details>
          <summary>
            {choice.codeIds
              ? t('agreement.codesSome', { count: choice.codeIds.length })
              : t('agreement.codesDefault')}
          </summary>
          <label>
            <input
              type="checkbox"
              checked={choice.codeIds === null}
              onChange={() => setChoice({ codeIds: choice.codeIds ? null : [] })}
            />{' '}
            {t('agreement.codesDefault')}
          </label>
          {choice.codeIds
            ? codes.map((c) => (
                <label key={c.id} className="pz-block">
                  <input
                    type="checkbox"
                    checked={choice.codeIds!.includes(c.id)}
                    onChange={() => setChoice({ codeIds: toggle(choice.codeIds!, c.id) })}
                  />{' '}
                  {c.name}
                </label>
              ))
            : null}
        </details>
        <button type="submit" disabled={choice.coderIds.length < 2 || busy} data-testid="agreement-compute">
          {busy ? t('agreement.computing') : t('agreement.compute')}
        </button>
        {choice.coderIds.length < 2 ? (
          <span className="pz-muted pz-small">{t('agreement.needTwo')}</span>
        ) : null}
      </form>

      <p className="pz-muted pz-small" data-testid="agreement-definition">
        {t(`agreement.define.${choice.unit}`)} {t('agreement.defineScope')}
      </p>

      {report ? (
        <>
          <p className="pz-small">
            {t('agreement.summary', {
              coders: report.coders.join('、'),
              documents: report.documents.length,
              unit: t(`agreement.unit.${report.unit}`),
            })}
          </p>
          <ResultTable report={report} />
          <div className="pz-agreement-actions">
            <button type="button" onClick={() => void exportReport('csv')}>
              {t('agreement.exportCsv')}
            </button>
            <button type="button" onClick={() => void exportReport('html')}>
              {t('agreement.exportHtml')}
            </button>
          </div>
          <details className="pz-agreement-method">
            <summary>{t('agreement.methodTitle')}</summary>
            <p>{t('agreement.method1')}</p>
            <p>{t('agreement.method2')}</p>
            <p>{t('agreement.method3')}</p>
          </details>
        </>
      ) : null}

      {disagreements ? (
        <section className="pz-disagreements" aria-labelledby="dis-title">
          <h2 id="dis-title">{t('agreement.disagreements', { count: disagreements.total })}</h2>
          <label className="pz-small">
            {t('agreement.consensus')}{' '}
            <input
              value={choice.consensus}
              onChange={(e) => setChoice({ consensus: e.target.value })}
              onBlur={() => void compute()}
              aria-label={t('agreement.consensus')}
            />
          </label>
          <ol className="pz-dis-list">
            {disagreements.list.slice(0, shown).map((d) => (
              <li key={d.key} className={d.resolved ? 'is-resolved' : undefined} data-testid="disagreement">
                <button
                  type="button"
                  className="pz-dis-row"
                  aria-expanded={openKey === d.key}
                  onClick={() => setOpenKey(openKey === d.key ? null : d.key)}
                >
                  <span className="pz-dis-doc">{d.documentTitle}</span>
                  <span className="pz-dis-code">{d.codePath}</span>
                  <span className="pz-muted pz-small">
                    {d.start}–{d.end}
                  </span>
                  <span className="pz-small">
                    {t('agreement.codedBy', { names: d.codedBy.map(name).join('、') })}
                  </span>
                  {d.resolved ? <span className="pz-dis-ok">{t('agreement.isResolved')}</span> : null}
                </button>
                {openKey === d.key ? (
                  <DisagreementDetail
                    store={store}
                    item={d}
                    coders={coders}
                    comparedIds={report?.coder_ids ?? choice.coderIds}
                    onResolve={(ranges) => void resolve(d, ranges)}
                    onOpen={() => openSideBySide(d)}
                  />
                ) : null}
              </li>
            ))}
          </ol>
          {disagreements.list.length > shown ? (
            <button type="button" onClick={() => setShown(shown + PAGE)}>
              {t('agreement.more')}
            </button>
          ) : null}
          {disagreements.total > disagreements.list.length ? (
            <p className="pz-muted pz-small">
              {t('agreement.limited', { count: disagreements.list.length })}
            </p>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
