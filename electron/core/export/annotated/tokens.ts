/**
 * Walks a document's displayed text with its (possibly overlapping) annotations and yields what a
 * writer needs in order: annotation starts and ends at their exact code points, runs of text with
 * the annotations covering them, and line breaks. Both writers (DOCX, HTML) consume these tokens,
 * so both anchor every annotation on the same characters.
 *
 * At one position, ends come before starts (an annotation ending where another begins does not
 * overlap it); among starts, the longer annotation first (it encloses the other).
 */
import type { ExportAnnotation } from './model';

export type Token =
  | { kind: 'text'; text: string; cover: readonly ExportAnnotation[] }
  | { kind: 'start'; annotation: ExportAnnotation }
  | { kind: 'end'; annotation: ExportAnnotation }
  | { kind: 'break' };

interface Boundary {
  at: number;
  ends: ExportAnnotation[];
  starts: ExportAnnotation[];
}

function boundaries(annotations: readonly ExportAnnotation[]): Boundary[] {
  const map = new Map<number, Boundary>();
  const at = (p: number) => {
    let b = map.get(p);
    if (!b) map.set(p, (b = { at: p, ends: [], starts: [] }));
    return b;
  };
  for (const a of annotations) {
    at(a.start).starts.push(a);
    at(a.end).ends.push(a);
  }
  const list = [...map.values()].sort((x, y) => x.at - y.at);
  for (const b of list) {
    b.starts.sort((x, y) => y.end - x.end || x.number - y.number);
    b.ends.sort((x, y) => y.start - x.start || y.number - x.number);
  }
  return list;
}

/** The tokens of `text` (code-point offsets in `annotations` are into it). */
export function* tokens(text: string, annotations: readonly ExportAnnotation[]): Generator<Token> {
  const cps = Array.from(text);
  const cover: ExportAnnotation[] = [];
  let pos = 0;
  const emitText = function* (from: number, to: number): Generator<Token> {
    if (to <= from) return;
    const chunk = cps.slice(from, to).join('');
    const lines = chunk.split('\n');
    const snapshot = [...cover];
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) yield { kind: 'break' };
      if (lines[i]!.length > 0) yield { kind: 'text', text: lines[i]!, cover: snapshot };
    }
  };
  for (const b of boundaries(annotations)) {
    const p = Math.min(Math.max(b.at, 0), cps.length);
    yield* emitText(pos, p);
    pos = Math.max(pos, p);
    for (const a of b.ends) {
      const i = cover.indexOf(a);
      if (i !== -1) cover.splice(i, 1);
      yield { kind: 'end', annotation: a };
    }
    for (const a of b.starts) {
      cover.push(a);
      yield { kind: 'start', annotation: a };
    }
  }
  yield* emitText(pos, cps.length);
}

/** `#rrggbb` → [r, g, b]. */
export function rgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [136, 136, 136];
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/**
 * The background of text covered by `colors`: each colour mixed with white (so dark code colours
 * keep black text readable, as a highlighter does), then averaged; `rrggbb` without '#'.
 */
export function tint(colors: readonly string[], strength = 0.35): string {
  if (colors.length === 0) return 'ffffff';
  const sum = [0, 0, 0];
  for (const c of colors) {
    const v = rgb(c);
    for (let i = 0; i < 3; i++) sum[i]! += 255 - (255 - v[i]!) * strength;
  }
  return sum
    .map((s) =>
      Math.round(s / colors.length)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
}
