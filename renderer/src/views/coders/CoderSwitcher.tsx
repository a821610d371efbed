/**
 * The current coder in the header: a compact button (colour dot and name, truncated) opening a
 * menu of the active coders to switch to, and a link to the coders view. New annotations take
 * the current coder; the choice is stored in the project.
 */
import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../../components/useDismiss';
import { useI18n } from '../../i18n';
import { useStore, type Store } from '../../state/store';
import type { Navigate } from '../view-props';
import { setCurrentCoder } from './actions';

export function CoderSwitcher({ store, navigate }: { store: Store; navigate: Navigate }) {
  const { t } = useI18n();
  const coders = useStore(store, (s) => s.coders);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(
    ref,
    open,
    useCallback(() => setOpen(false), []),
  );
  const current = coders.find((c) => c.isCurrent);
  if (!current) return null;
  return (
    <div className="pz-menu pz-coder-switch" ref={ref}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="coder-switch"
        title={t('coders.currentTitle', { name: current.name })}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="pz-coder-dot" style={{ background: current.color }} aria-hidden />
        <span className="pz-coder-name">{current.name}</span>
      </button>
      {open ? (
        <div role="menu" className="pz-menu-list" aria-label={t('coders.switch')}>
          {coders
            .filter((c) => !c.archived)
            .map((c) => (
              <button
                key={c.id}
                type="button"
                role="menuitemradio"
                aria-checked={c.isCurrent}
                onClick={() => {
                  setOpen(false);
                  if (!c.isCurrent) void setCurrentCoder(store, c.id);
                }}
              >
                <span className="pz-coder-dot" style={{ background: c.color }} aria-hidden /> {c.name}
                {c.isCurrent ? ' ✓' : ''}
              </button>
            ))}
          <button
            type="button"
            role="menuitem"
            className="pz-muted"
            onClick={() => {
              setOpen(false);
              navigate.toView('coders');
            }}
          >
            {t('coders.manage')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
