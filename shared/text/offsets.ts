/**
 * Code-point ⇄ UTF-16 offset conversion.
 *
 * The core stores offsets as Unicode code points (what Python, R and most QDA tools count); the
 * browser's DOM and JavaScript strings count UTF-16 code units. Characters outside the BMP (𠀋,
 * 𪚥, many rare Han characters in names) take two units, so the two differ after the first one.
 * `OffsetIndex` converts in O(log n) using the sorted positions of astral characters; for the
 * common all-BMP text it is the identity.
 */

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  return countCodePoints(text, 0, text.length);
}

/** Number of code points in `text` between UTF-16 offsets `from` and `to`. */
export function countCodePoints(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one (inside the range) is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** `text` sliced by code-point offsets (like Python's `text[start:end]` for in-range values). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const index = new OffsetIndex(text);
  return text.slice(index.toUtf16(start), index.toUtf16(end));
}

export class OffsetIndex {
  /** UTF-16 positions of the high surrogate of each astral character, ascending. */
  private readonly astralUtf16: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    this.utf16Length = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astralUtf16.push(i);
          i++;
        }
      }
    }
    this.codePointLength = text.length - this.astralUtf16.length;
  }

  /**
   * Code-point offset of a UTF-16 offset. An offset in the middle of a surrogate pair (which a
   * DOM selection can produce) is rounded down to the start of that character.
   */
  toCodePoint(utf16: number): number {
    const u = clamp(utf16, 0, this.utf16Length);
    // Each astral character that starts before u adds one extra UTF-16 unit. When u points at
    // its low surrogate, u - k is that character's own code point: the rounding down we want.
    return u - lowerBound(this.astralUtf16, u);
  }

  /** UTF-16 offset of a code-point offset (clamped to the text). */
  toUtf16(codePoint: number): number {
    const cp = clamp(codePoint, 0, this.codePointLength);
    // The j-th astral char (0-based) sits at code point astralUtf16[j] - j.
    let lo = 0;
    let hi = this.astralUtf16.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astralUtf16[mid]! - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }
}

/** Index of the first element of sorted `arr` that is >= `value`. */
function lowerBound(arr: readonly number[], value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clamp(n: number, min: number, max: number): number {
  return n < min ? min : n > max ? max : n;
}
