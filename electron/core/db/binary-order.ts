/**
 * SQLite's BINARY collation in JavaScript, for rows put in SQLite's order outside SQL (the QDPX
 * snapshot, the memo listing): texts compare by UTF-8 bytes, i.e. by code points, where `<`
 * compares UTF-16 units and puts U+10000 and above before U+E000–U+FFFF.
 */
/** Negative, zero or positive as `a` sorts before, with or after `b` under BINARY. */
export function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Surrogates (code points above U+FFFF) after U+E000–U+FFFF, as in UTF-8.
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}
