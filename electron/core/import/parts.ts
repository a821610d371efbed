/**
 * Cutting a text into parts at code-point offsets (import with `splitAt`, `documents-split`).
 * Parts are exact slices, so an annotation in part k keeps its text with offsets shifted by the
 * part's start. Invalid split points (not strictly increasing, outside 1..length-1) and parts that
 * would hold only white space are refused with `split-invalid`: nothing is guessed.
 */
import { PizhuError } from '../../../shared/errors';
import { codePointLength } from '../../../shared/text/offsets';

export interface Part {
  start: number;
  end: number;
  text: string;
}

export function cutParts(text: string, at: readonly number[]): Part[] {
  const length = codePointLength(text);
  const bounds = [0, ...at, length];
  for (let i = 1; i < bounds.length; i++) {
    if (!(bounds[i]! > bounds[i - 1]!) || (i < bounds.length - 1 && bounds[i]! >= length)) {
      throw new PizhuError(
        'split-invalid',
        `Split points must be strictly increasing within 1..${length - 1}`,
        {
          at: at.join(','),
          length,
        },
      );
    }
  }
  if (at.length === 0) {
    if (!/\S/.test(text))
      throw new PizhuError('split-invalid', `Part 1 (0–${length}) holds only white space`, { at: 0, length });
    return [{ start: 0, end: length, text }];
  }
  // UTF-16 index of every bound, found in one pass (no array of characters: files can be huge).
  const utf16: number[] = [];
  let cp = 0;
  let k = 0;
  for (let i = 0; k < bounds.length;) {
    while (k < bounds.length && bounds[k] === cp) utf16[k++] = i;
    if (i >= text.length) break;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    cp++;
  }
  const parts: Part[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = bounds.length === 2 ? text : text.slice(utf16[i], utf16[i + 1]);
    if (!/\S/.test(part)) {
      throw new PizhuError(
        'split-invalid',
        `Part ${i + 1} (${bounds[i]}–${bounds[i + 1]}) holds only white space`,
        {
          at: bounds[i]!,
          length,
        },
      );
    }
    parts.push({ start: bounds[i]!, end: bounds[i + 1]!, text: part });
  }
  return parts;
}
