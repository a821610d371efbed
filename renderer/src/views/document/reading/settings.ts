/**
 * Reading comfort settings of the document view, remembered per user in localStorage (like the
 * script view): font size, line height, text width, theme (light, sepia, dark), focus mode
 * (side panels hidden), whether the outline is open and lists inline items; and the reading
 * position per document (the canonical offset at the top of the text). Values read back are
 * validated, so a hand-edited or stale entry falls back to the default.
 */
import { useCallback, useState } from 'react';

import { parseSettings, type ReadingSettings } from './settings-values';

export {
  DEFAULT_READING,
  LIMITS,
  READING_THEMES,
  type ReadingSettings,
  type ReadingTheme,
} from './settings-values';
import { readStored as read, writeStored as write } from '../../../state/storage';

const KEY = 'pizhu.reading';
const POSITION_KEY = 'pizhu.reading.position.';

export function useReadingSettings(): [ReadingSettings, (patch: Partial<ReadingSettings>) => void] {
  const [settings, setSettings] = useState(() => parseSettings(read(KEY), window.innerWidth));
  const update = useCallback((patch: Partial<ReadingSettings>) => {
    setSettings((s) => {
      const next = { ...s, ...patch };
      write(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [settings, update];
}

/** The remembered reading position of a document (canonical code point), or null. */
export function readPosition(documentId: string): number | null {
  const v = Number(read(POSITION_KEY + documentId));
  return Number.isInteger(v) && v > 0 ? v : null;
}

export function writePosition(documentId: string, offset: number): void {
  write(POSITION_KEY + documentId, String(offset));
}
