/**
 * 分析 — the analysis view (issue 6): the code × document matrix (annotation counts, or the share
 * of each document's characters coded) as a heat map, a bar chart of code frequencies per
 * document, the code co-occurrence matrix (overlap / same sentence / same paragraph), and code
 * frequencies per coder and per value of a document attribute (AttributeFrequencies.tsx). Every
 * cell and bar links to the coded segments view filtered to the annotations behind it; tables
 * export as CSV, charts as PNG or SVG.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type {
  CodeDocumentMatrix,
  CooccurrenceMatrix,
  FrequencyTable,
} from '../../../../shared/contracts/analysis';
import type { CooccurrenceMode } from '../../../../shared/contracts/segments';
import { translateError, useI18n } from '../../i18n';
import { useFormat } from '../../i18n';
import { asPizhuError, useStore } from '../../state/store';
import type { PizhuError } from '../../../../shared/errors';
import type { ViewProps } from '../view-props';
import { segmentsHash } from '../segments/link';
import { saveWithToast } from '../segments/save';
import { exportName, toCsv } from './csv';
import { FrequencyChart, type ChartHandle } from './FrequencyChart';
import { HeatTable } from './HeatTable';
import { AttributeFrequencies } from './AttributeFrequencies';
import './analysis.css';

type Measure = 'count' | 'share';

/** A share as a percentage; tiny but non-zero shares read "<0.1%", never as zero. */
export function percent(v: number): string {
  if (v === 0) return '0%';
  if (v < 0.0005) return '<0.1%';
  return `${(v * 100).toFixed(1)}%`;
}

export function AnalysisView({ store }: ViewProps) {
  const { t } = useI18n();
  const numbers = useFormat();
  const revision = useStore(store, (s) => s.historyRevision);
  const documents = useStore(store, (s) => s.documents);
  const [includeSubcodes, setIncludeSubcodes] = useState(true);
  const [measure, setMeasure] = useState<Measure>('count');
  const [mode, setMode] = useState<CooccurrenceMode>('overlap');
  const [matrix, setMatrix] = useState<CodeDocumentMatrix | null>(null);
  const [co, setCo] = useState<CooccurrenceMatrix | null>(null);
  const [byCoder, setByCoder] = useState<FrequencyTable | null>(null);
  const [error, setError] = useState<PizhuError | null>(null);
  const chartHandle = useRef<ChartHandle | null>(null);
  // Counts change with every annotation: refetch when the library's totals change.
  const annotationTotal = documents.reduce((n, d) => n + d.annotationTotal, 0);

  useEffect(() => {
    let live = true;
    Promise.all([
      store.api.call('analysis-matrix', { includeSubcodes }),
      store.api.call('analysis-frequencies', { groupBy: 'coder', includeSubcodes }),
    ]).then(
      ([m, f]) => {
        if (!live) return;
        setMatrix(m);
        setByCoder(f);
      },
      (err: unknown) => live && setError(asPizhuError(err)),
    );
    return () => {
      live = false;
    };
  }, [store, includeSubcodes, revision, annotationTotal]);

  useEffect(() => {
    let live = true;
    store.api.call('analysis-cooccurrence', { mode }).then(
      (c) => live && setCo(c),
      (err: unknown) => live && setError(asPizhuError(err)),
    );
    return () => {
      live = false;
    };
  }, [store, mode, revision, annotationTotal]);

  const go = (hash: string) => (location.hash = hash);
  const label = (path: readonly string[]) => path.at(-1) ?? '';

  const matrixValues = useMemo(() => {
    if (!matrix) return null;
    if (measure === 'count')
      return {
        values: matrix.cells.map((row) => row.map((c) => c.count)),
        rowTotals: matrix.rowTotals.map((c) => c.count),
        columnTotals: matrix.columnTotals.map((c) => c.count),
        grand: matrix.total.count,
      };
    const len = (j: number) => matrix.documents[j]!.length || 1;
    return {
      values: matrix.cells.map((row) => row.map((c, j) => c.coded / len(j))),
      rowTotals: matrix.rowTotals.map((c) => c.coded / (matrix.total.length || 1)),
      columnTotals: matrix.columnTotals.map((c, j) => c.coded / len(j)),
      grand: matrix.total.coded / (matrix.total.length || 1),
    };
  }, [matrix, measure]);
  const fmt = measure === 'count' ? (v: number) => numbers.number(v) : percent;

  const chartSeries = useMemo(
    () =>
      matrix?.codes.map((c, i) => ({
        id: c.id,
        name: c.path.join(' › '),
        color: c.color,
        values: matrix.cells[i]!.map((cell) => cell.count),
      })) ?? [],
    [matrix],
  );
  const chartCategories = useMemo(
    () => matrix?.documents.map((d) => ({ id: d.id, label: d.title })) ?? [],
    [matrix],
  );

  const exportMatrixCsv = () => {
    if (!matrix || !matrixValues) return;
    const raw = (v: number) => (measure === 'count' ? v : Number((v * 100).toFixed(4)));
    const rows: (string | number)[][] = [
      [t('analysis.code'), ...matrix.documents.map((d) => d.title), t('analysis.total')],
      ...matrix.codes.map((c, i) => [
        c.path.join(' > '),
        ...matrixValues.values[i]!.map(raw),
        raw(matrixValues.rowTotals[i]!),
      ]),
      [t('analysis.total'), ...matrixValues.columnTotals.map(raw), raw(matrixValues.grand)],
    ];
    void saveWithToast(
      store,
      {
        fileName: exportName(measure === 'count' ? 'matrix' : 'matrix-percent', 'csv'),
        content: toCsv(rows),
        mimeType: 'text/csv;charset=utf-8',
      },
      { key: 'analysis.exported' },
    );
  };
  const exportTableCsv = (
    what: string,
    header: string,
    table: { codes: { path: string[] }[] },
    rowsOf: (string | number)[][],
  ) => {
    const rows = [[header, ...table.codes.map((c) => c.path.join(' > '))], ...rowsOf];
    void saveWithToast(
      store,
      { fileName: exportName(what, 'csv'), content: toCsv(rows), mimeType: 'text/csv;charset=utf-8' },
      { key: 'analysis.exported' },
    );
  };
  const exportChart = async (kind: 'png' | 'svg') => {
    const h = chartHandle.current;
    if (!h) return;
    try {
      const file =
        kind === 'svg'
          ? { fileName: exportName('chart', 'svg'), content: h.svg(), mimeType: 'image/svg+xml' }
          : {
              fileName: exportName('chart', 'png'),
              content: await h.png(),
              mimeType: 'image/png',
              encoding: 'base64' as const,
            };
      await saveWithToast(store, file, { key: 'analysis.exported' });
    } catch (err) {
      store.toast({ tone: 'error', error: asPizhuError(err) });
    }
  };

  if (error)
    return (
      <p className="pz-center pz-error" role="alert">
        {translateError(t, error)}
      </p>
    );
  if (!matrix || !matrixValues) return <p className="pz-center pz-muted">{t('analysis.loading')}</p>;
  if (matrix.codes.length === 0) return <p className="pz-center pz-muted">{t('analysis.noCodes')}</p>;
  const depth = (path: readonly string[]) => path.length - 1;

  return (
    <section className="pz-analysis" aria-labelledby="pz-analysis-title">
      <header className="pz-analysis-head">
        <h1 id="pz-analysis-title">{t('analysis.title')}</h1>
        <label className="pz-analysis-check">
          <input
            type="checkbox"
            name="includeSubcodes"
            checked={includeSubcodes}
            onChange={(e) => setIncludeSubcodes(e.target.checked)}
          />
          {t('analysis.includeSubcodes')}
        </label>
        {includeSubcodes ? (
          <span className="pz-muted pz-small" data-testid="totals-note">
            {t('analysis.totalsOnce')}
          </span>
        ) : null}
      </header>

      <section className="pz-analysis-block" aria-labelledby="pz-matrix-title">
        <div className="pz-analysis-bar">
          <h2 id="pz-matrix-title">{t('analysis.matrix')}</h2>
          <div className="pz-segmented" role="radiogroup">
            {(['count', 'share'] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="radio"
                name={`measure-${m}`}
                aria-checked={measure === m}
                className={measure === m ? 'is-on' : ''}
                onClick={() => setMeasure(m)}
              >
                {t(`analysis.measure.${m}`)}
              </button>
            ))}
          </div>
          <span className="pz-muted pz-small">{t('analysis.matrixHint')}</span>
          <button type="button" className="pz-analysis-export" name="export-matrix" onClick={exportMatrixCsv}>
            {t('analysis.exportCsv')}
          </button>
        </div>
        <HeatTable
          testId="matrix"
          corner={t('analysis.code')}
          rows={matrix.codes.map((c) => ({
            id: c.id,
            label: label(c.path),
            color: c.color,
            depth: depth(c.path),
          }))}
          columns={matrix.documents.map((d) => ({ id: d.id, label: d.title }))}
          values={matrixValues.values}
          format={fmt}
          rowTotals={matrixValues.rowTotals}
          columnTotals={matrixValues.columnTotals}
          grandTotal={matrixValues.grand}
          onCell={(i, j) =>
            go(
              segmentsHash({
                codeIds: [matrix.codes[i]!.id],
                includeSubcodes,
                documentId: matrix.documents[j]!.id,
              }),
            )
          }
          onRowTotal={(i) => go(segmentsHash({ codeIds: [matrix.codes[i]!.id], includeSubcodes }))}
          onColumnTotal={(j) => go(segmentsHash({ documentId: matrix.documents[j]!.id }))}
        />
      </section>

      <section className="pz-analysis-block" aria-labelledby="pz-chart-title">
        <div className="pz-analysis-bar">
          <h2 id="pz-chart-title">{t('analysis.chart')}</h2>
          <button
            type="button"
            className="pz-analysis-export"
            name="export-png"
            onClick={() => void exportChart('png')}
          >
            {t('analysis.exportPng')}
          </button>
          <button type="button" name="export-svg" onClick={() => void exportChart('svg')}>
            {t('analysis.exportSvg')}
          </button>
        </div>
        <FrequencyChart
          categories={chartCategories}
          series={chartSeries}
          handleRef={chartHandle}
          onBar={(s, d) =>
            go(
              segmentsHash({
                codeIds: [matrix.codes[s]!.id],
                includeSubcodes,
                documentId: matrix.documents[d]!.id,
              }),
            )
          }
        />
      </section>

      <section className="pz-analysis-block" aria-labelledby="pz-co-title">
        <div className="pz-analysis-bar">
          <h2 id="pz-co-title">{t('analysis.cooccurrence')}</h2>
          <label className="pz-small">
            {t('analysis.mode')}
            <select name="mode" value={mode} onChange={(e) => setMode(e.target.value as CooccurrenceMode)}>
              {(['overlap', 'sentence', 'paragraph'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`analysis.mode.${m}`)}
                </option>
              ))}
            </select>
          </label>
          {co ? (
            <button
              type="button"
              className="pz-analysis-export"
              name="export-cooccurrence"
              onClick={() =>
                exportTableCsv(
                  `cooccurrence-${co.mode}`,
                  t('analysis.code'),
                  co,
                  co.codes.map((c, i) => [c.path.join(' > '), ...co.counts[i]!]),
                )
              }
            >
              {t('analysis.exportCsv')}
            </button>
          ) : null}
        </div>
        {co ? (
          <HeatTable
            testId="cooccurrence"
            corner={t('analysis.code')}
            rows={co.codes.map((c) => ({
              id: c.id,
              label: label(c.path),
              color: c.color,
              depth: depth(c.path),
            }))}
            columns={co.codes.map((c) => ({ id: c.id, label: label(c.path) }))}
            values={co.counts}
            diagonal
            format={(v) => numbers.number(v)}
            onCell={(i, j) => {
              const a = co.codes[i]!.id;
              const b = co.codes[j]!.id;
              go(
                a === b
                  ? segmentsHash({ codeIds: [a], includeSubcodes: false })
                  : segmentsHash({ cooccurrence: { codeA: a, codeB: b, mode: co.mode } }),
              );
            }}
          />
        ) : (
          <p className="pz-muted">{t('analysis.loading')}</p>
        )}
      </section>

      <section className="pz-analysis-block" aria-labelledby="pz-attr-title" data-testid="attribute-block">
        <AttributeFrequencies
          store={store}
          includeSubcodes={includeSubcodes}
          refreshKey={`${revision}/${annotationTotal}`}
        />
      </section>

      {byCoder ? (
        <section className="pz-analysis-block" aria-labelledby="pz-coder-title">
          <div className="pz-analysis-bar">
            <h2 id="pz-coder-title">{t('analysis.byCoder')}</h2>
            <button
              type="button"
              className="pz-analysis-export"
              name="export-coders"
              onClick={() =>
                exportTableCsv(
                  'coders',
                  t('analysis.coder'),
                  byCoder,
                  byCoder.groups.map((g, i) => [g.label, ...byCoder.cells[i]!.map((c) => c.count)]),
                )
              }
            >
              {t('analysis.exportCsv')}
            </button>
          </div>
          <HeatTable
            testId="coders"
            corner={t('analysis.coder')}
            rows={byCoder.groups.map((g) => ({ id: g.id, label: g.label }))}
            columns={byCoder.codes.map((c) => ({ id: c.id, label: c.path.join(' › ') }))}
            values={byCoder.cells.map((row) => row.map((c) => c.count))}
            format={(v) => numbers.number(v)}
            rowTotals={byCoder.groupTotals}
            columnTotals={byCoder.codeTotals}
            grandTotal={byCoder.groupTotals.reduce((a, b) => a + b, 0)}
            onCell={(i, j) =>
              go(
                segmentsHash({
                  coderId: byCoder.groups[i]!.id,
                  codeIds: [byCoder.codes[j]!.id],
                  includeSubcodes,
                }),
              )
            }
            onRowTotal={(i) => go(segmentsHash({ coderId: byCoder.groups[i]!.id }))}
            onColumnTotal={(j) => go(segmentsHash({ codeIds: [byCoder.codes[j]!.id], includeSubcodes }))}
          />
        </section>
      ) : null}
    </section>
  );
}
