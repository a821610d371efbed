/**
 * Flags suspected mojibake runs without changing them: text that went through a wrong encoding
 * and back shows an ASCII `?` glued to Han or kana characters (`?;仡櫼荒甑墓ぷ?`), which Chinese
 * writing never does (its question mark is full-width). A run starts at such a `?` (followed by
 * a non-ASCII letter, possibly after `;` `:` `!`) and extends
 * over the following non-space, non-punctuation characters (at most 40), through a closing `?`.
 * Replacement characters (U+FFFD) from invalid bytes are flagged the same way.
 */
import { codePointLength, countCodePoints } from '../../../../shared/text/offsets';

const RUN = /\?[;:!]?(?![\p{ASCII}\p{P}\s])\p{L}[^\s，。、；：？！“”‘’（）,.!()?]{0,39}\??|\ufffd+/gu;

export interface MojibakeRun {
  start: number;
  end: number;
  text: string;
}

export function findMojibake(text: string): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  let cp = 0;
  let pos = 0;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    // Counted in place: an array of every character of a 7-million-character file costs hundreds of MB.
    cp += countCodePoints(text, pos, m.index);
    const len = codePointLength(m[0]);
    runs.push({ start: cp, end: cp + len, text: m[0] });
    cp += len;
    pos = m.index + m[0].length;
  }
  return runs;
}
