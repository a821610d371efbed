/**
 * Finding the occurrences of search terms in normalised text (pure). Occurrences are
 * non-overlapping, left to right, like "find all" in an editor: 哈哈 occurs once in 哈哈哈.
 * Results are UTF-16 index pairs into the string searched; callers convert to code points.
 */

/** Non-overlapping occurrences of `needle` in `haystack` as [start, end) UTF-16 pairs. */
export function findLiteral(haystack: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (needle.length === 0) return out;
  let i = haystack.indexOf(needle);
  while (i !== -1) {
    out.push([i, i + needle.length]);
    i = haystack.indexOf(needle, i + needle.length);
  }
  return out;
}
