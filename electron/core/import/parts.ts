/**
 * Cutting a text into parts at code-point offsets (import with `splitAt`, `documents-split`).
 * Parts are exact slices, so an annotation in part k keeps its text with offsets shifted by the
 * part's start. Invalid split points (not strictly increasing, outside 1..length-1) and parts that
 * would hold only white space are refused with `split-invalid`: nothing is guessed.
 */
import { PizhuError } from '../../../shared/errors';

export interface Part {
  start: number;
  end: number;
  text: string;
}

export function cutParts(text: string, at: readonly number[]): Part[] {
  const chars = Array.from(text);
  const bounds = [0, ...at, chars.length];
  for (let i = 1; i < bounds.length; i++) {
    if (!(bounds[i]! > bounds[i - 1]!) || (i < bounds.length - 1 && bounds[i]! >= chars.length)) {
      throw new PizhuError(
        'split-invalid',
        `Split points must be strictly increasing within 1..${chars.length - 1}`,
        {
          at: at.join(','),
          length: chars.length,
        },
      );
    }
  }
  const parts: Part[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = chars.slice(bounds[i], bounds[i + 1]).join('');
    if (part.trim() === '') {
      throw new PizhuError(
        'split-invalid',
        `Part ${i + 1} (${bounds[i]}–${bounds[i + 1]}) holds only white space`,
        {
          at: bounds[i]!,
          length: chars.length,
        },
      );
    }
    parts.push({ start: bounds[i]!, end: bounds[i + 1]!, text: part });
  }
  return parts;
}
