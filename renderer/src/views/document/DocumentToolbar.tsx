/**
 * The bar above the document text: the script view (原文 / 简体 / 繁體, display only), sentence
 * snapping, and buttons for the find bar and the shortcut sheet (which also have keys).
 */
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { SCRIPT_VIEWS, type ScriptView } from './prefs';

interface Props {
  script: ScriptView;
  converting: boolean;
  onScript: (view: ScriptView) => void;
  snap: boolean;
  onSnap: (on: boolean) => void;
  onFind: () => void;
  onShortcuts: () => void;
  /** More controls after the built-in ones (reading settings, outline, export). */
  extra?: ReactNode;
}

export function DocumentToolbar(props: Props) {
  const { t } = useI18n();
  return (
    <div className="pz-doc-toolbar" role="toolbar" aria-label={t('docview.toolbar')}>
      <div
        className="pz-segmented"
        role="radiogroup"
        aria-label={t('docview.script')}
        title={t('docview.script.hint')}
      >
        {SCRIPT_VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            role="radio"
            aria-checked={props.script === view}
            className={props.script === view ? 'is-on' : ''}
            onClick={() => props.onScript(view)}
          >
            {t(`docview.script.${view}` as MessageKey)}
          </button>
        ))}
      </div>
      {props.converting ? <span className="pz-muted pz-small">{t('docview.converting')}</span> : null}
      <label className="pz-check" title={t('docview.snapHint')}>
        <input type="checkbox" checked={props.snap} onChange={(e) => props.onSnap(e.target.checked)} />
        {t('docview.snap')}
      </label>
      {props.extra}
      <span className="pz-doc-toolbar-spacer" />
      <button type="button" onClick={props.onFind} title="Ctrl+F">
        {t('docview.find')}
      </button>
      <button type="button" onClick={props.onShortcuts} title="?" aria-label={t('docview.shortcuts')}>
        {t('docview.shortcuts')} <kbd>?</kbd>
      </button>
    </div>
  );
}
