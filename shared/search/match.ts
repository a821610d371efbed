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

/**
 * Matches of a global regex; empty matches are skipped (they would be zero-width hits). Stops
 * after `max` matches so that a pattern such as /./ cannot build millions of pairs.
 */
export function findRegex(haystack: string, re: RegExp, max = Number.POSITIVE_INFINITY): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(haystack); m !== null && out.length < max; m = re.exec(haystack)) {
    if (m[0].length === 0) {
      // Step over the empty match (a whole code point, the regex is /u).
      re.lastIndex += (haystack.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
