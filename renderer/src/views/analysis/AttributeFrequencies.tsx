/**
 * 按文档属性的代码频次 — code frequencies per value of a document attribute (province, year, …),
 * the way NVivo's crosstab by attribute value works: choose the attribute, read a bar chart (one
 * category per value, documents without a value as 未设置) and the table behind it. A bar or cell
 * opens the coded segments view filtered by that attribute value and code; the table exports as
 * CSV, the chart as PNG or SVG.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FrequencyTable } from '../../../../shared/contracts/analysis';
import type { PizhuError } from '../../../../shared/errors';
import { translateError, useI18n } from '../../i18n';
import { useFormat } from '../../i18n';
import { asPizhuError, type Store } from '../../state/store';
import { segmentsHash, type AttributeFilterState } from '../segments/link';
import { saveWithToast } from '../segments/save';
import { useAttributeTable } from '../segments/useAttributeTable';
import { exportName, toCsv } from './csv';
import { FrequencyChart, type ChartHandle } from './FrequencyChart';
import { HeatTable } from './HeatTable';

interface Props {
  store: Store;
  includeSubcodes: boolean;
  /** Changes whenever counts may have changed (history revision, annotation total). */
  refreshKey: string;
}

export function AttributeFrequencies({ store, includeSubcodes, refreshKey }: Props) {
  const { t } = useI18n();
  const numbers = useFormat();
  const attributes = useAttributeTable(store);
  const [picked, setPicked] = useState('');
  const chosen =
    attributes?.attributes.find((a) => a.id === picked)?.id ?? attributes?.attributes[0]?.id ?? '';
  const key = JSON.stringify({ chosen, includeSubcodes, refreshKey, values: attributes?.values.length });
  const [result, setResult] = useState<{
    key: string;
    table: FrequencyTable | null;
    error: PizhuError | null;
  }>({ key: '', table: null, error: null });
  const chartHandle = useRef<ChartHandle | null>(null);

  useEffect(() => {
    if (!chosen) return;
    let live = true;
    store.api.call('analysis-frequencies', { groupBy: { attributeId: chosen }, includeSubcodes }).then(
      (table) => live && setResult({ key, table, error: null }),
      (err: unknown) => live && setResult({ key, table: null, error: asPizhuError(err) }),
    );
    return () => {
      live = false;
    };
    // `key` stands for every input of the query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key]);

  const table = result.key === key ? result.table : null;
  const groupLabel = (g: { label: string; missing?: boolean }) =>
    g.missing ? t('analysis.attrNone') : g.label;
  const categories = useMemo(
    () => table?.groups.map((g) => ({ id: g.id, label: g.missing ? t('analysis.attrNone') : g.label })) ?? [],
    [table, t],
  );
  const series = useMemo(
    () =>
      table?.codes.map((c, j) => ({
        id: c.id,
        name: c.path.join(' › '),
        color: c.color,
        values: table.cells.map((row) => row[j]!.count),
      })) ?? [],
    [table],
  );

  if (!attributes) return <p className="pz-muted">{t('analysis.loading')}</p>;
  if (attributes.attributes.length === 0) return <p className="pz-muted">{t('analysis.noAttributes')}</p>;

  const go = (hash: string) => (location.hash = hash);
  const condition = (g: number): AttributeFilterState => {
    const group = table!.groups[g]!;
    return {
      attributeId: chosen,
      values: group.missing ? [] : [group.id],
      missing: group.missing === true,
      min: '',
      max: '',
    };
  };
  const attrName = attributes.attributes.find((a) => a.id === chosen)?.name ?? '';

  const exportCsv = () => {
    if (!table) return;
    const rows: (string | number)[][] = [
      [attrName, ...table.codes.map((c) => c.path.join(' > ')), t('analysis.total')],
      ...table.groups.map((g, i) => [
        groupLabel(g),
        ...table.cells[i]!.map((c) => c.count),
        table.groupTotals[i]!,
      ]),
      [t('analysis.total'), ...table.codeTotals, table.groupTotals.reduce((a, b) => a + b, 0)],
    ];
    void saveWithToast(
      store,
      {
        fileName: exportName(`attribute-${attrName}`, 'csv'),
        content: toCsv(rows),
        mimeType: 'text/csv;charset=utf-8',
      },
      { key: 'analysis.exported' },
    );
  };
  const exportChart = async (kind: 'png' | 'svg') => {
    const h = chartHandle.current;
    if (!h) return;
    try {
      const name = exportName(`attribute-chart-${attrName}`, kind);
      const file =
        kind === 'svg'
          ? { fileName: name, content: h.svg(), mimeType: 'image/svg+xml' }
          : { fileName: name, content: await h.png(), mimeType: 'image/png', encoding: 'base64' as const };
      await saveWithToast(store, file, { key: 'analysis.exported' });
    } catch (err) {
      store.toast({ tone: 'error', error: asPizhuError(err) });
    }
  };

  return (
    <>
      <div className="pz-analysis-bar">
        <h2 id="pz-attr-title">{t('analysis.byAttribute')}</h2>
        <label className="pz-small">
          {t('analysis.attribute')}
          <select name="attribute" value={chosen} onChange={(e) => setPicked(e.target.value)}>
            {attributes.attributes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="pz-analysis-export" name="export-attribute" onClick={exportCsv}>
          {t('analysis.exportCsv')}
        </button>
        <button type="button" name="export-attribute-png" onClick={() => void exportChart('png')}>
          {t('analysis.exportPng')}
        </button>
        <button type="button" name="export-attribute-svg" onClick={() => void exportChart('svg')}>
          {t('analysis.exportSvg')}
        </button>
      </div>
      {result.key === key && result.error ? (
        <p className="pz-error" role="alert">
          {translateError(t, result.error)}
        </p>
      ) : null}
      <FrequencyChart
        testId="attribute-chart"
        categories={categories}
        series={series}
        handleRef={chartHandle}
        onBar={(s, g) =>
          table &&
          go(segmentsHash({ codeIds: [table.codes[s]!.id], includeSubcodes, attributes: [condition(g)] }))
        }
      />
      {table ? (
        <HeatTable
          testId="attribute-table"
          corner={attrName}
          rows={table.groups.map((g) => ({ id: g.id || '-', label: groupLabel(g) }))}
          columns={table.codes.map((c) => ({ id: c.id, label: c.path.join(' › ') }))}
          values={table.cells.map((row) => row.map((c) => c.count))}
          format={(v) => numbers.number(v)}
          rowTotals={table.groupTotals}
          columnTotals={table.codeTotals}
          grandTotal={table.groupTotals.reduce((a, b) => a + b, 0)}
          onCell={(i, j) =>
            go(segmentsHash({ codeIds: [table.codes[j]!.id], includeSubcodes, attributes: [condition(i)] }))
          }
          onRowTotal={(i) => go(segmentsHash({ attributes: [condition(i)] }))}
          onColumnTotal={(j) => go(segmentsHash({ codeIds: [table.codes[j]!.id], includeSubcodes }))}
        />
      ) : (
        <p className="pz-muted">{t('analysis.loading')}</p>
      )}
    </>
  );
}
