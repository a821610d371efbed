/**
 * A matrix as a table with heat-map colouring (cell background darker with the value, relative to
 * the largest cell), optional totals, and clickable cells. Used for code × document and
 * code × code. Values are numbers; `format` decides how they read (count or percentage).
 */
import { useI18n } from '../../i18n';

export interface HeatRow {
  id: string;
  label: string;
  color?: string;
  depth?: number;
}

interface Props {
  testId: string;
  corner: string;
  rows: readonly HeatRow[];
  columns: readonly { id: string; label: string }[];
  values: readonly (readonly number[])[];
  format: (v: number) => string;
  rowTotals?: readonly number[];
  columnTotals?: readonly number[];
  grandTotal?: number;
  onCell: (row: number, column: number) => void;
  onRowTotal?: (row: number) => void;
  onColumnTotal?: (column: number) => void;
  /** A code × code matrix: the diagonal (a code with itself) is shown apart and not in the scale. */
  diagonal?: boolean;
}

/** Background for a value: the accent colour with opacity growing with value/max. */
function heat(value: number, max: number): { background?: string; color?: string } {
  if (value <= 0 || max <= 0) return {};
  const a = 0.08 + 0.72 * (value / max);
  return { background: `rgba(138, 59, 18, ${a.toFixed(3)})`, color: a > 0.5 ? '#fff' : undefined };
}

export function HeatTable(p: Props) {
  const { t } = useI18n();
  // A loop, not Math.max(...values): a large matrix has more cells than a call takes arguments.
  let max = 0;
  p.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (!(p.diagonal && i === j) && v > max) max = v;
    }),
  );
  return (
    <div className="pz-heat-wrap">
      <table className="pz-table pz-heat" data-testid={p.testId}>
        <thead>
          <tr>
            <th>{p.corner}</th>
            {p.columns.map((c) => (
              <th key={c.id} className="pz-num pz-heat-col" title={c.label} data-column-id={c.id}>
                <span>{c.label}</span>
              </th>
            ))}
            {p.rowTotals ? <th className="pz-num">{t('analysis.total')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r, i) => (
            <tr key={r.id} data-row-id={r.id}>
              <th scope="row" className="pz-heat-row" style={{ paddingLeft: 12 + 14 * (r.depth ?? 0) }}>
                {r.color ? <span className="pz-swatch" style={{ background: r.color }} /> : null}
                {r.label}
              </th>
              {p.columns.map((c, j) => {
                const v = p.values[i]![j]!;
                const diagonal = p.diagonal === true && i === j;
                return (
                  <td
                    key={c.id}
                    className={`pz-num pz-heat-cell${diagonal ? ' pz-heat-diag' : ''}`}
                    style={diagonal ? undefined : heat(v, max)}
                    data-column-id={c.id}
                  >
                    <button
                      type="button"
                      className="pz-heat-button"
                      title={t('analysis.cellTitle', { code: r.label, doc: c.label, value: p.format(v) })}
                      onClick={() => p.onCell(i, j)}
                    >
                      {p.format(v)}
                    </button>
                  </td>
                );
              })}
              {p.rowTotals ? (
                <td className="pz-num pz-heat-total">
                  <button type="button" className="pz-heat-button" onClick={() => p.onRowTotal?.(i)}>
                    {p.format(p.rowTotals[i]!)}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        {p.columnTotals ? (
          <tfoot>
            <tr>
              <th scope="row">{t('analysis.total')}</th>
              {p.columns.map((c, j) => (
                <td key={c.id} className="pz-num pz-heat-total" data-column-id={c.id}>
                  <button type="button" className="pz-heat-button" onClick={() => p.onColumnTotal?.(j)}>
                    {p.format(p.columnTotals![j]!)}
                  </button>
                </td>
              ))}
              {p.grandTotal !== undefined ? (
                <td className="pz-num pz-heat-total">
                  <span className="pz-heat-button">{p.format(p.grandTotal)}</span>
                </td>
              ) : null}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
