/**
 * The document view's coder control: show every coder's annotations, one coder's, or two coders
 * side by side (same text in two columns, differences marked). The choice is remembered.
 */
import type { Coder } from '../../../../shared/domain';
import { useI18n } from '../../i18n';
import { setCoderView, type CoderViewMode } from '../coders/coderView';
import '../coders/coders.css';

export function CoderViewControl({ coders, mode }: { coders: readonly Coder[]; mode: CoderViewMode }) {
  const { t } = useI18n();
  if (coders.length < 2 && mode.kind === 'all') return null;
  const value = mode.kind === 'all' ? 'all' : mode.kind === 'one' ? `one:${mode.coderId}` : 'compare';
  const current = coders.find((c) => c.isCurrent);
  const other = (id: string) => coders.find((c) => c.id !== id)?.id ?? id;
  return (
    <div className="pz-coder-view" data-testid="coder-view">
      <select
        aria-label={t('coders.viewLabel')}
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'all') setCoderView({ kind: 'all' });
          else if (v === 'compare') {
            const left = coders.find((c) => c.isCurrent)?.id ?? coders[0]!.id;
            setCoderView({ kind: 'compare', left, right: other(left) });
          } else setCoderView({ kind: 'one', coderId: v.slice(4) });
        }}
      >
        <option value="all">{t('coders.viewAll')}</option>
        {coders.map((c) => (
          <option key={c.id} value={`one:${c.id}`}>
            {t('coders.viewOne', { name: c.name })}
          </option>
        ))}
        {coders.length >= 2 ? <option value="compare">{t('coders.viewCompare')}</option> : null}
      </select>
      {mode.kind === 'compare'
        ? (['left', 'right'] as const).map((side) => (
            <select
              key={side}
              aria-label={t(side === 'left' ? 'coders.compareLeft' : 'coders.compareRight')}
              value={mode[side]}
              onChange={(e) => setCoderView({ ...mode, [side]: e.target.value })}
            >
              {coders.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          ))
        : null}
      {mode.kind === 'one' && current && current.id !== mode.coderId ? (
        <span className="pz-muted pz-small" role="note">
          {t('coders.viewHidesNew', { name: current.name })}
        </span>
      ) : null}
    </div>
  );
}
