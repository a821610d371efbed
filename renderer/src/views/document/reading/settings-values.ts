/**
 * The reading settings' values, DOM-free: their type, defaults, limits, and the validating parser
 * of what localStorage holds (a hand-edited or stale entry falls back to the defaults).
 */
export type ReadingTheme = 'light' | 'sepia' | 'dark';
export const READING_THEMES: readonly ReadingTheme[] = ['light', 'sepia', 'dark'];

export interface ReadingSettings {
  /** Text size in px. */
  fontSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Text column width in em. */
  width: number;
  theme: ReadingTheme;
  focus: boolean;
  outline: boolean;
  outlineItems: boolean;
}

export const DEFAULT_READING: ReadingSettings = {
  fontSize: 17,
  lineHeight: 1.95,
  width: 46,
  theme: 'light',
  focus: false,
  outline: true,
  outlineItems: false,
};

export const LIMITS = {
  fontSize: { min: 13, max: 28, step: 1 },
  lineHeight: { min: 1.4, max: 2.6, step: 0.05 },
  width: { min: 28, max: 80, step: 2 },
} as const;

function clamp(v: unknown, { min, max }: { min: number; max: number }, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

/** Below this window width the outline starts closed (the text column would get too narrow). */
export const OUTLINE_OPEN_MIN_WIDTH = 1440;

/**
 * The settings stored in `raw`; what is missing takes the defaults. `windowWidth`: an outline
 * that was never toggled starts open only on a window wide enough for three columns of panels.
 */
export function parseSettings(raw: string | null, windowWidth = Infinity): ReadingSettings {
  let o: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object') o = parsed as Record<string, unknown>;
  } catch {
    // Defaults.
  }
  const d = { ...DEFAULT_READING, outline: windowWidth >= OUTLINE_OPEN_MIN_WIDTH };
  return {
    fontSize: clamp(o.fontSize, LIMITS.fontSize, d.fontSize),
    lineHeight: clamp(o.lineHeight, LIMITS.lineHeight, d.lineHeight),
    width: clamp(o.width, LIMITS.width, d.width),
    theme: READING_THEMES.includes(o.theme as ReadingTheme) ? (o.theme as ReadingTheme) : d.theme,
    focus: typeof o.focus === 'boolean' ? o.focus : d.focus,
    outline: typeof o.outline === 'boolean' ? o.outline : d.outline,
    outlineItems: typeof o.outlineItems === 'boolean' ? o.outlineItems : d.outlineItems,
  };
}
