/**
 * Encoding detection and decoding of text files (.txt/.md).
 *
 * Detection, in order: a byte-order mark (UTF-8, UTF-16 LE/BE); else strictly valid UTF-8; else
 * chardet's ranking restricted to the Chinese encodings we support (GB18030 ⊃ GBK ⊃ GB2312, Big5),
 * each candidate decoded and checked to be plausible Chinese text (almost only Han, CJK and
 * ASCII punctuation, Latin letters; few replacement characters). A caller can override it.
 *
 * Invalid bytes never throw: each becomes U+FFFD and its byte position is reported (the first
 * INVALID_POSITIONS_MAX), so a researcher can open the file at that place and judge.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { EncodingDetection, ImportEncoding } from '../../../shared/import';

export const INVALID_POSITIONS_MAX = 20;

export interface DecodeResult {
  text: string;
  detection: EncodingDetection;
  /** Byte offsets (into the file, BOM included) of the first invalid sequences. */
  invalidPositions: number[];
  invalidCount: number;
  /** Decode steps that changed something: `strip-bom`, `replace-invalid-bytes`, `crlf-to-lf`. */
  steps: string[];
}

function bomOf(bytes: Uint8Array): { encoding: ImportEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** chardet's names for the encodings we accept. */
const CHARDET_NAMES: Record<string, ImportEncoding> = { GB18030: 'gb18030', Big5: 'big5' };

const PLAUSIBLE =
  /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2000-\u206f\u00a0-\u024f\u0020-\u007e\n\r\t\u3040-\u30ff]/u;

/** Share of characters that belong in a Chinese document (U+FFFD and control bytes do not). */
export function plausibility(text: string): number {
  let total = 0;
  let good = 0;
  for (const ch of text) {
    total++;
    if (PLAUSIBLE.test(ch)) good++;
  }
  return total === 0 ? 1 : good / total;
}

export const PLAUSIBILITY_MIN = 0.9;
const SAMPLE_BYTES = 256 * 1024;

export function detectEncoding(bytes: Uint8Array): EncodingDetection {
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom.encoding, method: 'bom', confidence: null };
  if (isValidUtf8(bytes)) return { encoding: 'utf-8', method: 'utf-8-valid', confidence: null };
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const ranked = chardet
    .analyse(sample)
    .filter((m) => m.name in CHARDET_NAMES)
    .map((m) => ({ encoding: CHARDET_NAMES[m.name]!, confidence: m.confidence }));
  // Both candidates are always tried: chardet may not list one at all on short samples.
  for (const e of ['gb18030', 'big5'] as const)
    if (!ranked.some((r) => r.encoding === e)) ranked.push({ encoding: e, confidence: 0 });
  // Plausible candidates rank by chardet's confidence, above every implausible one.
  const rank = (c: { confidence: number; score: number }) =>
    c.score >= PLAUSIBILITY_MIN ? 1000 + c.confidence : c.score * 100;
  let best: { encoding: ImportEncoding; confidence: number; score: number } | null = null;
  for (const r of ranked) {
    const candidate = { ...r, score: plausibility(iconv.decode(Buffer.from(sample), r.encoding)) };
    if (!best || rank(candidate) > rank(best)) best = candidate;
  }
  return { encoding: best!.encoding, method: 'chardet', confidence: best!.confidence };
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

function decodeRaw(bytes: Uint8Array, encoding: ImportEncoding): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {
    stripBOM: false,
  });
}

/**
 * Finds the byte positions of invalid sequences: chunks of whole characters are decoded and only
 * chunks containing U+FFFD (which the file may also contain legitimately) are examined per
 * character, so a clean 30 MB file costs one pass.
 */
function invalidPositions(
  bytes: Uint8Array,
  encoding: ImportEncoding,
  offset: number,
): { count: number; positions: number[] } {
  const positions: number[] = [];
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
        const decoded = decodeRaw(bytes.subarray(s, end), encoding);
        const legit =
          encoding === 'utf-8' &&
          end - s === 3 &&
          bytes[s] === 0xef &&
          bytes[s + 1] === 0xbf &&
          bytes[s + 2] === 0xbd;
        if (decoded.includes('\ufffd') && !legit) {
          count++;
          if (positions.length < INVALID_POSITIONS_MAX) positions.push(offset + s);
        }
      });
    }
    i = j;
  }
  return { count, positions };
}

/** Decodes a text file: BOM stripped, invalid bytes → U+FFFD (reported), CRLF/CR → LF. */
export function decodeText(bytes: Uint8Array, override: ImportEncoding | 'auto' = 'auto'): DecodeResult {
  const detection: EncodingDetection =
    override === 'auto'
      ? detectEncoding(bytes)
      : { encoding: override, method: 'override', confidence: null };
  const encoding = detection.encoding as ImportEncoding;
  const steps: string[] = [];
  const bom = bomOf(bytes);
  let body = bytes;
  if (bom && bom.encoding === encoding) {
    body = bytes.subarray(bom.length);
    steps.push('strip-bom');
  }
  let text = decodeRaw(body, encoding);
  let invalid = { count: 0, positions: [] as number[] };
  if (text.includes('\ufffd')) {
    invalid = invalidPositions(body, encoding, bytes.length - body.length);
    if (invalid.count > 0) steps.push('replace-invalid-bytes');
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    steps.push('crlf-to-lf');
  }
  return { text, detection, invalidPositions: invalid.positions, invalidCount: invalid.count, steps };
}
