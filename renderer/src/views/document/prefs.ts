/**
 * The document view's remembered settings (per user, in localStorage like the UI language): the
 * script view (原文 / 简体 / 繁體) and sentence snapping. Read once per mount, written on change;
 * when storage is unavailable the setting still works for the session.
 */
import { useCallback, useState } from 'react';
import type { ConverterId } from '../../../../shared/text/script-convert';
import { readStored as read, writeStored as write } from '../../state/storage';

export type ScriptView = 'original' | 'simplified' | 'traditional';

export const SCRIPT_VIEWS: readonly ScriptView[] = ['original', 'simplified', 'traditional'];

/** The converter behind each view (see docs/architecture.md for why these). */
export const CONVERTER_OF: Record<Exclude<ScriptView, 'original'>, ConverterId> = {
  simplified: 'cn',
  traditional: 'tw',
};

const SCRIPT_KEY = 'pizhu.document.script';
const SNAP_KEY = 'pizhu.document.snapSentences';

export function useScriptView(): [ScriptView, (v: ScriptView) => void] {
  const [view, setView] = useState<ScriptView>(() => {
    const saved = read(SCRIPT_KEY);
    return SCRIPT_VIEWS.includes(saved as ScriptView) ? (saved as ScriptView) : 'original';
  });
  const set = useCallback((v: ScriptView) => {
    setView(v);
    write(SCRIPT_KEY, v);
  }, []);
  return [view, set];
}

export function useSnapSentences(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => read(SNAP_KEY) === 'true');
  const set = useCallback((v: boolean) => {
    setOn(v);
    write(SNAP_KEY, String(v));
  }, []);
  return [on, set];
}
