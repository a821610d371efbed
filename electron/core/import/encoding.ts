/**
 * Encoding detection and decoding of text files (.txt/.md, and .html before parsing).
 *
 * Detection, in order: a byte-order mark; a charset the file declares (HTML meta, XML
 * declaration); the zero-byte pattern of UTF-16 without BOM; strictly valid UTF-8; else every
 * candidate (GB18030 ⊃ GBK ⊃ GB2312, Big5, UTF-16 LE/BE) decodes a sample and the one that reads
 * most like Chinese wins (encoding/score.ts: common characters decide, not a detector's raw
 * score). Near-ties between GB18030 and Big5 go to the decoding whose common characters are of its
 * own script; a guess without a clear margin is marked `weak`. A caller can override it all.
 *
 * A legacy-encoded file may hold lines in UTF-8 (pasted from elsewhere): such lines are decoded
 * as UTF-8 and listed (`mixed`). Invalid bytes never throw: each becomes U+FFFD, and its byte
 * position and line are reported (the first INVALID_POSITIONS_MAX). Control characters (NUL, …)
 * are removed as a recorded step. A file that is not text (a binary signature, or a high share
 * of control and invalid characters) is refused with `import-not-text`.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { PizhuError } from '../../../shared/errors';
import type { EncodingDetection, ImportEncoding } from '../../../shared/import';
import { readability } from './encoding/score';
import { binarySignature, bomOf, declaredCharset, utf16Pattern } from './encoding/sniff';

export const INVALID_POSITIONS_MAX = 20;

export interface MixedEncoding {
  /** The encoding of the lines that differ from the file's. */
  encoding: ImportEncoding;
  count: number;
  /** 1-based line numbers (the first INVALID_POSITIONS_MAX). */
  lines: number[];
}

export interface DecodeResult {
  text: string;
  detection: EncodingDetection;
  /** Byte offsets (into the file, BOM included) of the first invalid sequences. */
  invalidPositions: number[];
  invalidCount: number;
  /** 1-based lines holding invalid sequences (the first INVALID_POSITIONS_MAX). */
  invalidLines: number[];
  mixed: MixedEncoding | null;
  /** Decode steps that changed something: `strip-bom`, `replace-invalid-bytes`, `crlf-to-lf`, `strip-control-chars`. */
  steps: string[];
}

const SAMPLE_BYTES = 64 * 1024;
/** Score margin below which the runner-up was nearly as good: the guess is weak. */
const WEAK_MARGIN = 0.15;
const WEAK_SCORE = 0.75;

/**
 * Strict UTF-8 validity of a byte range (no overlongs, no surrogates): Node's native check
 * (the same table of well-formed sequences as the Unicode standard; ~50× a JavaScript loop on
 * a 20 MB file).
 */
export function isValidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  return isUtf8(start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end));
}

function hasHighByte(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

export function decodeRaw(bytes: Uint8Array, encoding: ImportEncoding): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {
    stripBOM: false,
  });
}

/** Line ranges [start, end) of a single-byte-newline encoding, the newline included. */
function* lineRanges(bytes: Uint8Array): Generator<[number, number]> {
  let start = 0;
  while (start < bytes.length) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl === -1 ? bytes.length : nl + 1;
    yield [start, end];
    start = end;
  }
}

/** Is this line UTF-8 rather than `legacy`? Valid UTF-8 with non-ASCII, and reads better so. */
function lineIsUtf8(bytes: Uint8Array, start: number, end: number, legacy: ImportEncoding): boolean {
  if (!hasHighByte(bytes, start, end) || !isValidUtf8(bytes, start, end)) return false;
  const line = bytes.subarray(start, end);
  return readability(decodeRaw(line, 'utf-8')).score > readability(decodeRaw(line, legacy)).score;
}

/** The first SAMPLE_BYTES of the file without its UTF-8 lines (a mixed file's legacy part). */
function legacySample(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const [s, e] of lineRanges(bytes.subarray(0, SAMPLE_BYTES))) {
    if (hasHighByte(bytes, s, e) && isValidUtf8(bytes, s, e)) continue;
    parts.push(bytes.subarray(s, e));
    size += e - s;
  }
  return size === 0 ? bytes.subarray(0, SAMPLE_BYTES) : Buffer.concat(parts);
}

export function detectEncoding(bytes: Uint8Array): EncodingDetection {
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom.encoding, method: 'bom', confidence: null };
  const declared = declaredCharset(bytes);
  if (declared) return { encoding: declared, method: 'declared', confidence: null };
  const utf16 = utf16Pattern(bytes);
  if (utf16 && readability(decodeRaw(bytes.subarray(0, SAMPLE_BYTES), utf16)).score >= 0.5)
    return { encoding: utf16, method: 'utf-16-pattern', confidence: null };
  const utf8 = isValidUtf8(bytes);
  // Valid UTF-8 is decisive for anything but a few characters: GBK 通知 (CD A8 D6 AA) is valid UTF-8.
  if (utf8 && (bytes.length > 64 || !hasHighByte(bytes, 0, bytes.length)))
    return { encoding: 'utf-8', method: 'utf-8-valid', confidence: null };

  const sample = utf8 ? bytes : legacySample(bytes);
  const candidates: ImportEncoding[] = ['gb18030', 'big5'];
  if (bytes.length % 2 === 0) candidates.push('utf-16le', 'utf-16be');
  const scored = candidates.map((encoding) => ({ encoding, r: readability(decodeRaw(sample, encoding)) }));
  if (utf8) {
    const r = readability(decodeRaw(sample, 'utf-8'));
    // A short valid UTF-8 text that reads well is UTF-8, whatever else it could be.
    if (r.score >= 0.9) return { encoding: 'utf-8', method: 'utf-8-valid', confidence: null };
    scored.push({ encoding: 'utf-8', r });
  }
  const ranked = scored.sort((a, b) => b.r.score - a.r.score);
  let best = ranked[0]!;
  const second = ranked[1]!;
  const gb = ranked.find((c) => c.encoding === 'gb18030')!;
  const big5 = ranked.find((c) => c.encoding === 'big5')!;
  if (Math.abs(gb.r.score - big5.r.score) < 0.02 && (best === gb || best === big5)) {
    // A tie between the legacy decodings: the one whose common characters are of its own script.
    const big5Traditional = big5.r.traditionalOnly > big5.r.simplifiedOnly;
    const gbSimplified = gb.r.simplifiedOnly >= gb.r.traditionalOnly;
    best = big5Traditional && !gbSimplified ? big5 : gb;
  }
  const runnerUp = best === ranked[0] ? second : ranked[0]!;
  const weak = best.r.score < WEAK_SCORE || best.r.score - runnerUp.r.score < WEAK_MARGIN;
  return {
    encoding: best.encoding,
    method: 'frequency',
    confidence: Math.max(0, Math.round(best.r.score * 100)),
    weak,
    ...(weak ? { alternative: runnerUp.encoding } : {}),
  };
}

/** Byte length of the character starting at `i` (invalid sequences: their maximal bad prefix). */
function unitLength(bytes: Uint8Array, i: number, encoding: ImportEncoding): number {
  const b = bytes[i]!;
  switch (encoding) {
    case 'utf-16le':
    case 'utf-16be':
      return Math.min(2, bytes.length - i);
    case 'utf-8': {
      if (b < 0x80) return 1;
      const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 1;
      let n = 1;
      while (n < need && i + n < bytes.length && (bytes[i + n]! & 0xc0) === 0x80) n++;
      return n;
    }
    case 'big5':
    case 'gbk':
    case 'gb18030': {
      if (b < 0x81 || b === 0xff) return 1;
      const b1 = bytes[i + 1];
      if (b1 === undefined) return 1;
      if (encoding === 'gb18030' && b1 >= 0x30 && b1 <= 0x39) return i + 3 < bytes.length ? 4 : 1;
      return (b1 >= 0x40 && b1 <= 0x7e) || (b1 >= 0x80 && b1 <= 0xfe) || (encoding === 'big5' && b1 >= 0xa1)
        ? 2
        : 1;
    }
  }
}

/**
 * Byte positions of invalid sequences in `bytes` (a run of one encoding starting at file offset
 * `offset`): chunks of whole characters are decoded and only chunks containing U+FFFD (which the
 * file may also contain legitimately) are examined per character.
 */
function invalidPositions(
  bytes: Uint8Array,
  encoding: ImportEncoding,
  offset: number,
  out: number[],
): number {
  let count = 0;
  const CHUNK = 4096;
  let i = 0;
  while (i < bytes.length) {
    const starts: number[] = [];
    let j = i;
    while (j < bytes.length && starts.length < CHUNK) {
      starts.push(j);
      j += unitLength(bytes, j, encoding);
    }
    if (decodeRaw(bytes.subarray(i, j), encoding).includes('\ufffd')) {
      starts.forEach((s, k) => {
        const end = starts[k + 1] ?? j;
        const legit =
          encoding === 'utf-8' &&
          end - s === 3 &&
          bytes[s] === 0xef &&
          bytes[s + 1] === 0xbf &&
          bytes[s + 2] === 0xbd;
        if (!legit && decodeRaw(bytes.subarray(s, end), encoding).includes('\ufffd')) {
          count++;
          out.push(offset + s);
        }
      });
    }
    i = j;
  }
  return count;
}

/** 1-based line of each byte position (sorted), counting newline units of the encoding. */
function linesOf(bytes: Uint8Array, positions: readonly number[], encoding: ImportEncoding): number[] {
  const lines: number[] = [];
  const step = encoding.startsWith('utf-16') ? 2 : 1;
  const nlAt = (i: number) =>
    encoding === 'utf-16le'
      ? bytes[i] === 0x0a && bytes[i + 1] === 0
      : encoding === 'utf-16be'
        ? bytes[i] === 0 && bytes[i + 1] === 0x0a
        : bytes[i] === 0x0a;
  let line = 1;
  let i = bomOf(bytes)?.length ?? 0;
  for (const p of positions) {
    for (; i < p; i += step) if (nlAt(i)) line++;
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

/** C0 controls other than tab and line breaks, and DEL; a form feed (page break) becomes a line break. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]|\f/g;

export function stripControls(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(CONTROL, (c) => {
    count++;
    return c === '\f' ? '\n' : '';
  });
  return { text: count === 0 ? text : out, count };
}

function notText(fileName: string, reason: string): PizhuError {
  return new PizhuError('import-not-text', `${fileName || 'The file'} is not a text file (${reason})`, {
    file: fileName,
    reason,
  });
}

/** Refuses known binary formats before any decoding. */
export function assertNotBinary(bytes: Uint8Array, fileName = ''): void {
  const signature = binarySignature(bytes);
  if (signature) throw notText(fileName, signature);
}

/**
 * Decodes a text file: BOM stripped, invalid bytes → U+FFFD (reported), control characters
 * removed, CRLF/CR → LF. Throws `import-not-text` for binary content.
 */
export function decodeText(
  bytes: Uint8Array,
  override: ImportEncoding | 'auto' = 'auto',
  fileName = '',
): DecodeResult {
  assertNotBinary(bytes, fileName);
  let detection: EncodingDetection =
    override === 'auto'
      ? detectEncoding(bytes)
      : { encoding: override, method: 'override', confidence: null };
  const encoding = detection.encoding as ImportEncoding;
  const steps: string[] = [];
  const bom = bomOf(bytes);
  const skip = bom && bom.encoding === encoding ? bom.length : 0;
  if (skip > 0) steps.push('strip-bom');

  // Runs of one encoding: the whole body, or (a legacy file with UTF-8 lines) alternating runs.
  const runs: { start: number; end: number; encoding: ImportEncoding }[] = [];
  const utf8Lines: number[] = [];
  let utf8Count = 0;
  const legacyLines: number[] = [];
  let legacyCount = 0;
  if (override === 'auto' && (encoding === 'gb18030' || encoding === 'big5' || encoding === 'gbk')) {
    let lineNo = 0;
    for (const [s, e] of lineRanges(bytes)) {
      lineNo++;
      const enc = lineIsUtf8(bytes, s, e, encoding) ? 'utf-8' : encoding;
      if (enc === 'utf-8') {
        utf8Count++;
        if (utf8Lines.length < INVALID_POSITIONS_MAX) utf8Lines.push(lineNo);
      } else if (hasHighByte(bytes, s, e)) {
        legacyCount++;
        if (legacyLines.length < INVALID_POSITIONS_MAX) legacyLines.push(lineNo);
      }
      const last = runs[runs.length - 1];
      if (last && last.encoding === enc) last.end = e;
      else runs.push({ start: s, end: e, encoding: enc });
    }
  }
  if (runs.length === 0) runs.push({ start: skip, end: bytes.length, encoding });
  let mixed: MixedEncoding | null =
    utf8Count > 0 ? { encoding: 'utf-8', count: utf8Count, lines: utf8Lines } : null;
  if (utf8Count > legacyCount) {
    // Mostly UTF-8 with some legacy lines: a UTF-8 file, and those lines are the exception.
    detection = { encoding: 'utf-8', method: 'frequency', confidence: detection.confidence };
    mixed = legacyCount > 0 ? { encoding, count: legacyCount, lines: legacyLines } : null;
  }

  const pieces: string[] = [];
  const positions: number[] = [];
  let invalidCount = 0;
  for (const run of runs) {
    const part = bytes.subarray(run.start, run.end);
    const decoded = decodeRaw(part, run.encoding);
    if (decoded.includes('\ufffd'))
      invalidCount += invalidPositions(part, run.encoding, run.start, positions);
    pieces.push(decoded);
  }
  let text = pieces.length === 1 ? pieces[0]! : pieces.join('');
  if (invalidCount > 0) steps.push('replace-invalid-bytes');
  const controls = stripControls(text);
  const chars = text.length;
  text = controls.text;
  const bad = controls.count + invalidCount;
  if (bad > 0 && chars > 0 && (bad / chars > 0.3 || (bad / chars > 0.05 && bad >= 16)))
    throw notText(fileName, `${bad} control or invalid characters in ${chars}`);
  if (controls.count > 0) steps.push('strip-control-chars');
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    steps.push('crlf-to-lf');
  }
  positions.sort((a, b) => a - b);
  return {
    text,
    detection,
    invalidPositions: positions.slice(0, INVALID_POSITIONS_MAX),
    invalidCount,
    invalidLines: invalidCount > 0 ? linesOf(bytes, positions, encoding).slice(0, INVALID_POSITIONS_MAX) : [],
    mixed,
    steps,
  };
}
