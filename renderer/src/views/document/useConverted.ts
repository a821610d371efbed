/**
 * A short text (a title) in the script view the document is shown in, so that the heading reads
 * in the same script as the body. The original text until the converter is ready.
 */
import { useEffect, useState } from 'react';
import { loadConverter } from '../../../../shared/text/script-convert';
import { CONVERTER_OF, type ScriptView } from './prefs';

export function useConverted(text: string, script: ScriptView): string {
  const [done, setDone] = useState<{ text: string; script: ScriptView; out: string } | null>(null);
  useEffect(() => {
    if (script === 'original') return;
    let cancelled = false;
    loadConverter(CONVERTER_OF[script]).then(
      (converter) => !cancelled && setDone({ text, script, out: converter.convert(text).text }),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [text, script]);
  if (script === 'original') return text;
  return done && done.text === text && done.script === script ? done.out : text;
}
