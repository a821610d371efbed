/**
 * Where the floating code toolbar goes: above or below the selection, wherever it covers no coded
 * text (the painted code highlights) and stays in the window; failing both, the side with the
 * least coded text under it. It never covers the selection itself.
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 6;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

export function placeToolbar(
  selection: Box,
  size: { width: number; height: number },
  coded: readonly Box[],
  viewport: { width: number; height: number },
): { left: number; top: number } {
  const left = Math.max(8, Math.min(viewport.width - size.width - 8, selection.left));
  const candidates = [selection.top - GAP - size.height, selection.bottom + GAP]
    .filter((top) => top >= 8 && top + size.height <= viewport.height - 8)
    .map((top) => {
      const box = { left, top, right: left + size.width, bottom: top + size.height };
      return { top, covered: coded.reduce((n, c) => n + overlap(box, c), 0) };
    });
  if (candidates.length === 0) return { left, top: Math.max(8, selection.bottom + GAP) };
  const best = candidates.reduce((a, b) => (b.covered < a.covered ? b : a));
  return { left, top: best.top };
}
