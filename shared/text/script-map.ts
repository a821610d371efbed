/**
 * The offset map between a canonical text and its displayed (script-converted) form, in code
 * points: aligned pieces, where equal-length pieces map character by character and a
 * length-changing piece is atomic (an offset strictly inside it maps to its start for a range
 * start, to its end for a range end). Built by script-convert.ts.
 */
export type Bias = 'start' | 'end';

export interface Span {
  start: number;
  end: number;
}

/**
 * Aligned pieces between canonical and displayed text, in code points. Consecutive equal-length
 * pieces are merged into one linear run, so an all-BMP, length-preserving conversion of a whole
 * document is a handful of runs and lookups are a binary search.
 */
export class ScriptMap {
  private constructor(
    private readonly cStart: Int32Array,
    private readonly dStart: Int32Array,
    /** 1 when the run maps character by character, 0 when it is an atomic length-changing piece. */
    private readonly linear: Uint8Array,
    readonly canonicalLength: number,
    readonly displayLength: number,
  ) {}

  static identity(length: number): ScriptMap {
    return new ScriptMap(Int32Array.of(0), Int32Array.of(0), Uint8Array.of(1), length, length);
  }

  /** From aligned pieces `[canonicalLength, displayLength, …]` (code points), in order. */
  static fromPieces(pieces: readonly number[]): ScriptMap {
    const c: number[] = [];
    const d: number[] = [];
    const lin: number[] = [];
    let cp = 0;
    let dp = 0;
    for (let i = 0; i < pieces.length; i += 2) {
      const cl = pieces[i]!;
      const dl = pieces[i + 1]!;
      if (cl === 0 && dl === 0) continue;
      const isLinear = cl === dl ? 1 : 0;
      const last = lin.length - 1;
      // Merge into the previous run when both are linear; a piece empty on one side can only be
      // an atomic part of its neighbour (there is no character to map it to).
      if (last >= 0 && ((isLinear && lin[last] === 1) || cl === 0 || dl === 0)) {
        if (!isLinear) lin[last] = 0;
      } else if (cl === 0 || dl === 0) {
        c.push(cp);
        d.push(dp);
        lin.push(0);
      } else {
        c.push(cp);
        d.push(dp);
        lin.push(isLinear);
      }
      cp += cl;
      dp += dl;
    }
    if (c.length === 0) return ScriptMap.identity(0);
    return new ScriptMap(Int32Array.from(c), Int32Array.from(d), Uint8Array.from(lin), cp, dp);
  }

  /** True when every run maps character by character (no length-changing phrase). */
  get isCharacterAligned(): boolean {
    return this.linear.every((x) => x === 1);
  }

  /** Displayed offset of canonical offset `cp`. */
  toDisplay(cp: number, bias: Bias): number {
    return mapOffset(
      cp,
      bias,
      this.cStart,
      this.dStart,
      this.linear,
      this.canonicalLength,
      this.displayLength,
    );
  }

  /** Canonical offset of displayed offset `dp`. */
  toCanonical(dp: number, bias: Bias): number {
    return mapOffset(
      dp,
      bias,
      this.dStart,
      this.cStart,
      this.linear,
      this.displayLength,
      this.canonicalLength,
    );
  }

  rangeToDisplay(range: Span): Span {
    const start = this.toDisplay(range.start, 'start');
    return {
      start,
      end: Math.max(start, this.toDisplay(range.end, range.end > range.start ? 'end' : 'start')),
    };
  }

  rangeToCanonical(range: Span): Span {
    const start = this.toCanonical(range.start, 'start');
    return {
      start,
      end: Math.max(start, this.toCanonical(range.end, range.end > range.start ? 'end' : 'start')),
    };
  }
}

function mapOffset(
  x: number,
  bias: Bias,
  from: Int32Array,
  to: Int32Array,
  linear: Uint8Array,
  fromLength: number,
  toLength: number,
): number {
  if (x <= 0) return 0;
  if (x >= fromLength) return toLength;
  // Last run starting at or before x.
  let lo = 0;
  let hi = from.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (from[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  const offset = x - from[lo]!;
  if (offset === 0 || linear[lo] === 1) return to[lo]! + offset;
  // Strictly inside an atomic piece: its start for a range start, its end for a range end.
  return bias === 'start' ? to[lo]! : lo + 1 < to.length ? to[lo + 1]! : toLength;
}
