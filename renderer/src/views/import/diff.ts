/**
 * What cleaning removed: the "before" text cut into kept and removed pieces, so the preview can
 * strike removals through. Cleaning deletes (boilerplate, pinyin glosses) and sometimes rewrites a
 * character, so a greedy walk that re-synchronises on the next few characters of "after" is
 * enough and linear in practice (the preview holds ~2,000 characters).
 */
export interface Piece {
  text: string;
  removed: boolean;
}

const SYNC = 6;
const LOOKAHEAD = 4000;

export function removedPieces(before: string, after: string): Piece[] {
  const a = [...before];
  const b = [...after];
  const marks = new Array<boolean>(a.length).fill(false);
  let i = 0;
  let j = 0;
  while (i < a.length) {
    if (j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (j >= b.length) {
      marks[i++] = true;
      continue;
    }
    // The longest next piece of "after" (up to SYNC characters) found ahead in "before".
    let k = -1;
    const from = codeUnitIndex(a, i);
    for (let len = Math.min(SYNC, b.length - j); len > 0 && k === -1; len--) {
      const at = before.indexOf(b.slice(j, j + len).join(''), from);
      if (at !== -1 && at - from <= LOOKAHEAD) k = [...before.slice(0, at)].length;
    }
    if (k !== -1) {
      while (i < k) marks[i++] = true;
    } else {
      // A rewritten character: the old one is shown as removed.
      marks[i++] = true;
      j++;
    }
  }
  const pieces: Piece[] = [];
  a.forEach((ch, n) => {
    const last = pieces[pieces.length - 1];
    if (last && last.removed === marks[n]) last.text += ch;
    else pieces.push({ text: ch, removed: marks[n]! });
  });
  return pieces;
}

function codeUnitIndex(chars: readonly string[], n: number): number {
  let u = 0;
  for (let x = 0; x < n; x++) u += chars[x]!.length;
  return u;
}
