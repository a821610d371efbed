/**
 * The agreement table: one row per code (units, percent agreement, Cohen's κ, Fleiss' κ,
 * Krippendorff's α and α_u, to three decimals in the UI locale), then the mean and the pooled
 * rows. A missing value shows "—" and its reason, translated, below the table.
 */
import {
  AGREEMENT_STATS,
  type AgreementReport,
  type AgreementValues,
} from '../../../../shared/contracts/agreement';
import type { NullReason } from '../../../../shared/stats/agreement';
import { useI18n } from '../../i18n';

export function ResultTable({ report }: { report: AgreementReport }) {
  const { t, locale } = useI18n();
  const fmt = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const int = new Intl.NumberFormat(locale);
  const reasons = new Set<NullReason>();
  const cells = (v: AgreementValues) =>
    AGREEMENT_STATS.map((k) => {
      const value = v[k];
      const reason = v.null_reasons[k];
      if (value === null && reason) reasons.add(reason);
      return (
        <td
          key={k}
          className="pz-num"
          data-stat={k}
          title={reason ? t(`agreement.reason.${reason}`) : undefined}
        >
          {value === null ? '—' : fmt.format(value)}
        </td>
      );
    });
  return (
    <>
      <table className="pz-agreement-table" data-testid="agreement-table">
        <thead>
          <tr>
            <th>{t('agreement.colCode')}</th>
            <th className="pz-num">{t('agreement.colUnits')}</th>
            {AGREEMENT_STATS.map((k) => (
              <th key={k} className="pz-num">
                {t(`agreement.stat.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.codes.map((c) => (
            <tr key={c.code_id} data-code={c.code_path}>
              <th scope="row">{c.code_path}</th>
              <td className="pz-num">{int.format(c.units)}</td>
              {cells(c)}
            </tr>
          ))}
          <tr className="pz-total" data-code="(mean)">
            <th scope="row">{t('agreement.mean')}</th>
            <td />
            {cells(report.overall.mean)}
          </tr>
          <tr className="pz-total" data-code="(pooled)">
            <th scope="row">{t('agreement.pooled')}</th>
            <td className="pz-num">{int.format(report.overall.pooled.units)}</td>
            {cells(report.overall.pooled)}
          </tr>
        </tbody>
      </table>
      {reasons.size > 0 ? (
        <ul className="pz-small pz-muted" data-testid="agreement-reasons">
          {[...reasons].map((r) => (
            <li key={r}>— {t(`agreement.reason.${r}`)}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
