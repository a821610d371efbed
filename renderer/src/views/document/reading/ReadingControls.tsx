/**
 * The reading controls in the document toolbar: the outline toggle, the reading settings popover
 * (text size, line height, text width, theme), focus mode, and the annotated export of this
 * document. Settings apply at once and are remembered (settings.ts).
 */
import { useCallback, useRef, useState } from 'react';
import type { ExportScript } from '../../../../../shared/contracts/annotated-export';
import { useDismiss } from '../../../components/useDismiss';
import { useI18n, type MessageKey } from '../../../i18n';
import type { Store } from '../../../state/store';
import { ExportMenu } from './ExportMenu';
import { DEFAULT_READING, LIMITS, READING_THEMES, type ReadingSettings } from './settings';

interface Props {
  store: Store;
  documentId: string;
  script: ExportScript;
  settings: ReadingSettings;
  update: (patch: Partial<ReadingSettings>) => void;
}

function Slider(props: {
  label: string;
  name: keyof typeof LIMITS;
  value: number;
  display: string;
  onChange: (v: number) => void;
}) {
  const { min, max, step } = LIMITS[props.name];
  return (
    <label className="pz-reading-row">
      <span>{props.label}</span>
      <input
        type="range"
        name={props.name}
        min={min}
        max={max}
        step={step}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      <output>{props.display}</output>
    </label>
  );
}

export function ReadingControls({ store, documentId, script, settings, update }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(
    ref,
    open,
    useCallback(() => setOpen(false), []),
  );
  return (
    <>
      <button
        type="button"
        className="pz-outline-toggle"
        aria-pressed={settings.outline}
        onClick={() => update({ outline: !settings.outline })}
      >
        ☰ {t('reading.outline')}
      </button>
      <div className="pz-menu" ref={ref}>
        <button
          type="button"
          className="pz-reading-open"
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          Aa {t('reading.settings')}
        </button>
        {open ? (
          <div className="pz-menu-list pz-reading-panel" role="dialog" aria-label={t('reading.settings')}>
            <Slider
              label={t('reading.fontSize')}
              name="fontSize"
              value={settings.fontSize}
              display={`${settings.fontSize}px`}
              onChange={(v) => update({ fontSize: v })}
            />
            <Slider
              label={t('reading.lineHeight')}
              name="lineHeight"
              value={settings.lineHeight}
              display={settings.lineHeight.toFixed(2)}
              onChange={(v) => update({ lineHeight: v })}
            />
            <Slider
              label={t('reading.width')}
              name="width"
              value={settings.width}
              display={`${settings.width}em`}
              onChange={(v) => update({ width: v })}
            />
            <div className="pz-reading-row">
              <span>{t('reading.theme')}</span>
              <div className="pz-segmented" role="radiogroup" aria-label={t('reading.theme')}>
                {READING_THEMES.map((theme) => (
                  <button
                    key={theme}
                    type="button"
                    role="radio"
                    aria-checked={settings.theme === theme}
                    className={settings.theme === theme ? 'is-on' : ''}
                    onClick={() => update({ theme })}
                  >
                    {t(`reading.theme.${theme}` as MessageKey)}
                  </button>
                ))}
              </div>
            </div>
            <button
              type="button"
              className="pz-link pz-small"
              onClick={() =>
                update({
                  fontSize: DEFAULT_READING.fontSize,
                  lineHeight: DEFAULT_READING.lineHeight,
                  width: DEFAULT_READING.width,
                  theme: DEFAULT_READING.theme,
                })
              }
            >
              {t('reading.reset')}
            </button>
          </div>
        ) : null}
      </div>
      <button
        type="button"
        className="pz-focus-toggle"
        aria-pressed={settings.focus}
        title={t('reading.focusHint')}
        onClick={() => update({ focus: !settings.focus })}
      >
        {t('reading.focus')}
      </button>
      <ExportMenu
        store={store}
        documentIds={[documentId]}
        script={script}
        label={t('reading.export')}
        scope={t('reading.exportScope', { script: t(`docview.script.${script}` as MessageKey) })}
      />
    </>
  );
}
