/**
 * Turns the raw bytes of a text file into a document's canonical text, recording every cleaning
 * step that changed it (provenance: a reader can always tell how the stored text relates to the
 * file). Only lossless-in-meaning normalisations happen here; anything editorial (boilerplate,
 * pinyin glosses) is left to explicit, recorded tools, because offsets are bound to this text.
 */
import { createHash } from 'node:crypto';
import { codePointLength } from '../../../shared/text/offsets';

export interface DecodedText {
  text: string;
  length: number;
  sha256: string;
  encoding: string;
  cleaning: string[];
  title: string | null;
}

export const TITLE_MAX_LENGTH = 200;

export function decodeUtf8Text(bytes: Uint8Array): DecodedText {
  const cleaning: string[] = [];
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    cleaning.push('strip-bom');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    // Keep the document rather than refuse it, but say so: U+FFFD marks each bad sequence.
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
    cleaning.push('replace-invalid-utf8');
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    cleaning.push('crlf-to-lf');
  }
  return {
    text,
    length: codePointLength(text),
    sha256,
    encoding: 'utf-8',
    cleaning,
    title: firstLineTitle(text),
  };
}

/** The first non-empty line, trimmed and cut to TITLE_MAX_LENGTH code points; null if none. */
export function firstLineTitle(text: string): string | null {
  // Line by line without splitting the whole text (a file can hold millions of characters).
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const t = text.slice(start, end).trim();
    if (t.length > 0) return Array.from(t).slice(0, TITLE_MAX_LENGTH).join('');
    start = end + 1;
  }
  return null;
}
