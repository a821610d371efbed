/**
 * The document's text as the chosen script view shows it: the canonical text at once for 原文,
 * else its conversion (dictionaries load on first use, the conversion runs once per document and
 * view). Until a conversion is ready the previous text stays on screen.
 */
import { useEffect, useMemo, useState } from 'react';
import { loadConverter } from '../../../../shared/text/script-convert';
import { makeViewText, type ViewText } from './model';
import { CONVERTER_OF, type ScriptView } from './prefs';

export interface ShownText {
  view: ViewText;
  /** The script view `view` shows (lags behind the requested one while converting). */
  shown: ScriptView;
  converting: boolean;
  failed: boolean;
}

interface Done {
  text: string;
  script: ScriptView;
  view: ViewText | null;
}

export function useViewText(text: string, script: ScriptView): ShownText {
  const original = useMemo(() => makeViewText(text, null), [text]);
  const [done, setDone] = useState<Done | null>(null);
  useEffect(() => {
    if (script === 'original') return;
    let cancelled = false;
    loadConverter(CONVERTER_OF[script]).then(
      (converter) => {
        if (!cancelled) setDone({ text, script, view: makeViewText(text, converter.convert(text)) });
      },
      (err: unknown) => {
        console.error('[useViewText]', err);
        if (!cancelled) setDone({ text, script, view: null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [text, script]);

  if (script === 'original') return { view: original, shown: 'original', converting: false, failed: false };
  const ready = done && done.text === text ? done : null;
  if (ready && ready.script === script) {
    return ready.view
      ? { view: ready.view, shown: script, converting: false, failed: false }
      : { view: original, shown: 'original', converting: false, failed: true };
  }
  if (ready?.view) return { view: ready.view, shown: ready.script, converting: true, failed: false };
  return { view: original, shown: 'original', converting: true, failed: false };
}
