/**
 * Hostile inputs for the resource tests, built in milliseconds instead of committed as
 * megabytes of fixtures: .docx files whose XML unpacks to hundreds of megabytes, a zip bomb of
 * zeros, deeply nested HTML, a catastrophically backtracking pattern.
 *
 * How a 400 MB entry is made cheaply: one chunk is deflated once with a full flush (byte-aligned,
 * no reference to earlier data), so the compressed chunk can be repeated N times and closed with
 * an empty final block; the CRC is accumulated over the repeats with zlib.crc32.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  /** Raw deflate data. */
  data: Buffer;
  crc: number;
  size: number;
  /** What the central directory claims (defaults to the truth). */
  claimedSize?: number;
}

function flushed(chunk: Buffer): Buffer {
  return deflateRawSync(chunk, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
}

const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

/** An entry made of `head`, `repeat` × `chunk`, `tail`. */
export function repeatedEntry(
  name: string,
  head: string,
  chunk: Buffer,
  repeat: number,
  tail: string,
): Entry {
  const h = Buffer.from(head);
  const t = Buffer.from(tail);
  const c = flushed(chunk);
  const parts = [flushed(h), ...Array.from({ length: repeat }, () => c), flushed(t), FINAL_EMPTY_BLOCK];
  let crc = crc32(h);
  for (let i = 0; i < repeat; i++) crc = crc32(chunk, crc);
  crc = crc32(t, crc);
  return { name, data: Buffer.concat(parts), crc, size: h.length + chunk.length * repeat + t.length };
}

export function smallEntry(name: string, text: string): Entry {
  const b = Buffer.from(text);
  return { name, data: deflateRawSync(b), crc: crc32(b), size: b.length };
}

export function zip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.claimedSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`;
const DOC_TAIL = `</w:body></w:document>`;
const PARAGRAPH = '<w:p><w:r><w:t>一是加强财政管理，二是推进放权改革。</w:t></w:r></w:p>';

/** A valid .docx whose document.xml is about `mb` megabytes of paragraphs. */
export function paragraphDocx(mb: number, claimedSize?: number): Buffer {
  const chunk = Buffer.from(PARAGRAPH.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(PARAGRAPH))));
  const doc = repeatedEntry(
    'word/document.xml',
    DOC_HEAD,
    chunk,
    Math.round((mb * 1024 * 1024) / chunk.length),
    DOC_TAIL,
  );
  if (claimedSize !== undefined) doc.claimedSize = claimedSize;
  return zip([smallEntry('[Content_Types].xml', CONTENT_TYPES), smallEntry('_rels/.rels', RELS), doc]);
}

/** A .docx-named zip holding `gb` gigabytes of zeros in one entry. */
export function zerosBomb(gb: number): Buffer {
  const chunk = Buffer.alloc(4 * 1024 * 1024);
  const entry = repeatedEntry('word/document.xml', '', chunk, Math.round((gb * 1024) / 4), '');
  return zip([smallEntry('[Content_Types].xml', CONTENT_TYPES), smallEntry('_rels/.rels', RELS), entry]);
}

/** A small, valid .docx (for checking the generator itself). */
export function tinyDocx(text: string): Buffer {
  const xml = `${DOC_HEAD}<w:p><w:r><w:t>${text}</w:t></w:r></w:p>${DOC_TAIL}`;
  return zip([
    smallEntry('[Content_Types].xml', CONTENT_TYPES),
    smallEntry('_rels/.rels', RELS),
    smallEntry('word/document.xml', xml),
  ]);
}

export function deepHtml(depth: number): string {
  return `<!doctype html><html><body>${'<div>'.repeat(depth)}深${'</div>'.repeat(depth)}</body></html>`;
}

/** `^(a+)+$` on 29 characters blocks a thread for tens of seconds. */
export const CATASTROPHIC_PATTERN = '^(a+)+$';
export const CATASTROPHIC_TEXT = `${'a'.repeat(29)}b`;
