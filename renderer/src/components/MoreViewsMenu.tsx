/**
 * The header's "More" menu: the occasional views (registry entries with `more: true`) behind one
 * tab-like button, so the header fits 1280 px. When one of them is shown, the button carries its
 * name and the current-tab look. Keyboard: Enter/Space/ArrowDown open it on the first item,
 * ArrowUp/ArrowDown/Home/End move, Escape or Tab closes it (Escape returns focus to the button).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useDismiss } from './useDismiss';
import { useI18n } from '../i18n';
import type { Navigate, ViewDef } from '../views/view-props';

interface MoreViewsMenuProps {
  views: readonly ViewDef[];
  currentView: string;
  navigate: Navigate;
}

export function MoreViewsMenu({ views, currentView, navigate }: MoreViewsMenuProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);

  // Opening puts the focus on the current view's item (or the first), as a menu should.
  useEffect(() => {
    if (!open) return;
    const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    (items.find((b) => b.getAttribute('aria-current') === 'page') ?? items[0])?.focus();
  }, [open]);

  const current = views.find((v) => v.id === currentView);
  const name = current ? t(current.labelKey) : null;

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (i: number) => {
      e.preventDefault();
      items[(i + items.length) % items.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  };

  return (
    <div className="pz-menu pz-more-views" ref={ref}>
      <button
        ref={buttonRef}
        type="button"
        className={`pz-tab pz-more-button${name ? ' is-current' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={name ? `${t('nav.more')}: ${name}` : t('nav.more')}
        title={t('nav.moreTitle')}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {name ?? t('nav.more')} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div
          role="menu"
          className="pz-menu-list"
          aria-label={t('nav.moreTitle')}
          ref={listRef}
          onKeyDown={onListKey}
        >
          {views.map((v) => (
            <button
              key={v.id}
              type="button"
              role="menuitem"
              aria-current={v.id === currentView ? 'page' : undefined}
              className={v.id === currentView ? 'is-current' : undefined}
              onClick={() => {
                setOpen(false);
                navigate.toView(v.id);
              }}
            >
              {t(v.labelKey)}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
