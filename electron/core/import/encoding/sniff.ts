/**
 * Byte-level facts about a file, read before any decoding: a byte-order mark, a charset the file
 * declares itself (HTML `<meta charset>`, `http-equiv` Content-Type, XML declaration), the
 * alternating-zero-byte pattern of UTF-16 without a BOM, and signatures of binary formats
 * (images, archives, executables, databases) that must never be imported as text.
 */
import type { ImportEncoding } from '../../../../shared/import';

export function bomOf(bytes: Uint8Array): { encoding: ImportEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Charset labels people write, mapped to the decoder we use (GB2312 and GBK are read as GB18030, their superset). */
const LABELS: Record<string, ImportEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  'euc-cn': 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  cp950: 'big5',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

const DECLARED = [
  /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i,
  /<\?xml\s[^>]*?encoding\s*=\s*["']([\w-]+)["']/i,
  /@charset\s+["']([\w-]+)["']/i,
];

/** The charset a markup file declares in its first 4 KB, when it is one we can decode. */
export function declaredCharset(bytes: Uint8Array): ImportEncoding | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  for (const re of DECLARED) {
    const m = re.exec(head);
    const encoding = m ? LABELS[m[1]!.toLowerCase()] : undefined;
    if (encoding) return encoding;
  }
  return null;
}

/**
 * UTF-16 without a BOM: text with Latin letters, digits, spaces or line breaks has a zero high
 * byte in every such character, so zeros pile up on one parity (odd offsets: LE, even: BE) and
 * almost never on the other. Pure-Han UTF-16 has few zeros (紀 is U+7D00) and is found by
 * scoring instead; the caller checks that the suggested decoding reads well.
 */
export function utf16Pattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 64 * 1024) & ~1;
  if (n < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= 2 && odd >= pairs * 0.2 && even <= pairs * 0.02) return 'utf-16le';
  if (even >= 2 && even >= pairs * 0.2 && odd <= pairs * 0.02) return 'utf-16be';
  return null;
}

const SIGNATURES: { name: string; bytes: (number | null)[] }[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP archive (or .docx/.xlsx)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b, 0x08] },
  { name: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'Windows executable', bytes: [0x4d, 0x5a, 0x90, 0x00] },
  { name: 'Mach-O executable', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'SQLite database', bytes: [...Buffer.from('SQLite format 3\0')] },
  { name: 'legacy Office document (.doc/.xls)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'MP3 audio', bytes: [0x49, 0x44, 0x33, null, 0x00] },
  { name: 'RIFF media (WAV/AVI/WebP)', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'MP4 video', bytes: [null, null, null, null, 0x66, 0x74, 0x79, 0x70] },
];

/** The binary format a file starts like, or null. */
export function binarySignature(bytes: Uint8Array): string | null {
  for (const s of SIGNATURES) {
    if (bytes.length >= s.bytes.length && s.bytes.every((b, i) => b === null || bytes[i] === b))
      return s.name;
  }
  return null;
}
