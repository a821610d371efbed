/**
 * Code colours chosen by perception, not by turn: distances in OKLab (Björn Ottosson's perceptual
 * space, where equal distances look about equally different). A new code gets the palette colour
 * farthest from its siblings and parent (weighted most) and from every other code; the text
 * selection gets the candidate farthest from every code colour, so a selection never looks like
 * coded text (the old blue selection looked exactly like 建议).
 */

export interface Lab {
  L: number;
  a: number;
  b: number;
}

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (v: number) => {
  const c = v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
  return Math.round(Math.min(1, Math.max(0, c)) * 255);
};

/** sRGB hex → OKLab. Unparseable input is treated as mid grey. */
export function hexToOklab(hex: string): Lab {
  const [r, g, b] = (parseHex(hex) ?? [128, 128, 128]).map(toLinear) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return {
    L: 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    a: 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    b: 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  };
}

/** OKLab → sRGB hex (clipped to the gamut). */
export function oklabToHex({ L, a, b }: Lab): string {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const rgb = [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ].map(fromLinear);
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Perceptual distance between two colours (ΔE in OKLab; ~0.02 is barely visible). */
export function colorDistance(x: string, y: string): number {
  const p = hexToOklab(x);
  const q = hexToOklab(y);
  return Math.hypot(p.L - q.L, p.a - q.a, p.b - q.b);
}

/** 24 hues at two lightness levels, all legible as highlight and swatch colours on paper. */
export const CODE_PALETTE: readonly string[] = (() => {
  const out: string[] = [];
  for (const [L, C] of [
    [0.62, 0.15],
    [0.5, 0.12],
  ] as const) {
    for (let i = 0; i < 24; i++) {
      const h = (i / 24) * 2 * Math.PI;
      out.push(oklabToHex({ L, a: C * Math.cos(h), b: C * Math.sin(h) }));
    }
  }
  return out;
})();

/**
 * The colour for a new code: the palette entry that maximises the smallest weighted distance to
 * the existing colours; siblings and the parent count in full, other codes at two thirds (a new
 * sub-code must above all not look like its neighbours in the tree).
 */
export function pickCodeColor(near: readonly string[], others: readonly string[] = []): string {
  let best = CODE_PALETTE[0]!;
  let bestScore = -1;
  for (const candidate of CODE_PALETTE) {
    let score = Infinity;
    for (const c of near) score = Math.min(score, colorDistance(candidate, c));
    for (const c of others) score = Math.min(score, colorDistance(candidate, c) * 1.5);
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

/** Candidate text-selection colours (shown at ~35 % opacity over paper). */
export const SELECTION_CANDIDATES: readonly string[] = [
  '#a07cc5',
  '#5fb3b3',
  '#8fbf5a',
  '#7c8a99',
  '#e58fb1',
];

/** The selection colour: the candidate farthest from every code colour. */
export function selectionColor(codeColors: readonly string[]): string {
  let best = SELECTION_CANDIDATES[0]!;
  let bestScore = -1;
  for (const candidate of SELECTION_CANDIDATES) {
    let score = Infinity;
    for (const c of codeColors) score = Math.min(score, colorDistance(candidate, c));
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}
