/**
 * The app bar: name, back to the library, the everyday views as tabs and the occasional ones in a
 * "More" menu, current coder, undo/redo, export, save status, language.
 * The save status is the user's proof that every change is on disk. It fits 1280 px in every
 * language with room to spare for one more compact control (tabs never wrap; undo/redo are icons
 * with their names as labels and tooltips; below 1400 px the logo stands without the app name and
 * the export menu is its ⇩ icon; the tagline shows only on wide windows).
 */
import { useCallback, useRef, useState } from 'react';
import { useDismiss } from './useDismiss';
import { LOCALES, historyLabel, translateError, useI18n, type Locale } from '../i18n';
import { useFormat } from '../i18n';
import type { MessageKey } from '../i18n/catalog';
import { saveFile } from '../api/client';
import { useStore, type Store } from '../state/store';
import type { Navigate, ViewDef } from '../views/registry';
import { CoderSwitcher } from '../views/coders/CoderSwitcher';
import { MoreViewsMenu } from './MoreViewsMenu';

interface HeaderProps {
  store: Store;
  onHome: () => void;
  views: readonly ViewDef[];
  /** The registered view shown, or 'library' / 'document'. */
  currentView: string;
  navigate: Navigate;
}

export function Header({ store, onHome, views, currentView, navigate }: HeaderProps) {
  const { t, locale, setLocale } = useI18n();
  const fmt = useFormat();
  const history = useStore(store, (s) => s.history);
  const save = useStore(store, (s) => s.save);
  const [menu, setMenu] = useState(false);
  const exportItems: [MessageKey, () => void][] = [
    ['toolbar.exportCsv', () => void store.exportDataset('csv', saveFile)],
    ['toolbar.exportJsonl', () => void store.exportDataset('jsonl', saveFile)],
    ['exportView.more', () => navigate.toView('export')],
  ];
  const menuRef = useRef<HTMLDivElement>(null);

  useDismiss(
    menuRef,
    menu,
    useCallback(() => setMenu(false), []),
  );

  const kind = (k: string | null) => (k ? historyLabel(t, k) : '');
  const status =
    save.kind === 'saving'
      ? t('status.saving')
      : save.kind === 'saved'
        ? t('status.saved', { time: fmt.time(save.at) })
        : save.kind === 'error'
          ? `${t('status.error')}: ${translateError(t, save.error)}`
          : t('status.allSaved');

  return (
    <header className="pz-header">
      <button
        type="button"
        className="pz-brand"
        onClick={onHome}
        title={`${t('app.name')} · ${t('app.tagline')} · ${t('document.back')}`}
      >
        <span className="pz-logo">批</span>
        <span className="pz-brand-name">{t('app.name')}</span>
        <span className="pz-muted pz-small pz-tagline">{t('app.tagline')}</span>
      </button>
      {views.length > 0 ? (
        <nav className="pz-tabs" aria-label={t('nav.views')}>
          <button
            type="button"
            className={`pz-tab${currentView === 'library' ? ' is-current' : ''}`}
            onClick={() => navigate.toLibrary()}
          >
            {t('nav.library')}
          </button>
          {views
            .filter((v) => !v.more)
            .map((v) => (
              <button
                key={v.id}
                type="button"
                className={`pz-tab${currentView === v.id ? ' is-current' : ''}`}
                aria-current={currentView === v.id ? 'page' : undefined}
                onClick={() => navigate.toView(v.id)}
              >
                {t(v.labelKey)}
              </button>
            ))}
          {views.some((v) => v.more) ? (
            <MoreViewsMenu
              views={views.filter((v) => v.more)}
              currentView={currentView}
              navigate={navigate}
            />
          ) : null}
        </nav>
      ) : null}
      <div className="pz-header-actions">
        <CoderSwitcher store={store} navigate={navigate} />
        <button
          type="button"
          onClick={() => void store.undo()}
          disabled={!history.canUndo}
          title={
            history.undoKind ? t('toolbar.undoKind', { kind: kind(history.undoKind) }) : t('toolbar.undo')
          }
          aria-keyshortcuts="Control+Z"
          aria-label={t('toolbar.undo')}
          className="pz-icon-button"
        >
          ↶
        </button>
        <button
          type="button"
          onClick={() => void store.redo()}
          disabled={!history.canRedo}
          title={
            history.redoKind ? t('toolbar.redoKind', { kind: kind(history.redoKind) }) : t('toolbar.redo')
          }
          aria-keyshortcuts="Control+Shift+Z"
          aria-label={t('toolbar.redo')}
          className="pz-icon-button"
        >
          ↷
        </button>
        <div className="pz-menu pz-export-menu" ref={menuRef}>
          <button
            type="button"
            aria-haspopup="menu"
            aria-expanded={menu}
            aria-label={t('toolbar.export')}
            title={t('toolbar.export')}
            onClick={() => setMenu((m) => !m)}
          >
            <span aria-hidden="true">⇩</span>
            <span className="pz-export-label"> {t('toolbar.export')}</span>
          </button>
          {menu ? (
            <div role="menu" className="pz-menu-list">
              {exportItems.map(([label, act]) => (
                <button
                  key={label}
                  type="button"
                  role="menuitem"
                  onClick={() => {
                    setMenu(false);
                    act();
                  }}
                >
                  {t(label)}
                </button>
              ))}
            </div>
          ) : null}
        </div>
        <span
          className={`pz-save pz-save-${save.kind}`}
          role="status"
          aria-live="polite"
          data-testid="save-status"
          title={status}
        >
          {status}
        </span>
        <label className="pz-locale">
          <span className="pz-visually-hidden">{t('locale.label')}</span>
          <select
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
            aria-label={t('locale.label')}
          >
            {LOCALES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
