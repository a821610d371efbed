/**
 * Reading and writing zip archives (QDPX) with fflate, safely. Before anything is inflated, the
 * central directory is read (fflate's `filter` sees each entry's name and declared sizes) and
 * the archive is refused when it could be a zip bomb (too many entries, too much uncompressed
 * data in total or in one entry, an extreme compression ratio) or names a path that would escape
 * a folder (zip slip: `..`, absolute paths, drive letters, backslashes). Only then are the wanted
 * entries inflated, into buffers of their declared size.
 */
import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';
import { unzipSync, Zip, type ZipInputFile } from 'fflate';
import { PizhuError } from '../../../shared/errors';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Largest uncompressed / compressed ratio accepted for entries above 1 MB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 512 * 1024 * 1024,
  maxRatio: 200,
};

function unsafe(reason: string, detail: string): PizhuError {
  return new PizhuError('interop-unsafe', `${reason}: ${detail}`, { reason, detail });
}

/** True when an entry name could write outside the folder it is extracted to. */
export function isUnsafeEntryName(name: string): boolean {
  if (name.includes('\\') || name.includes('\0')) return true;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return true;
  return name.split('/').some((part) => part === '..');
}

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

export interface ZipEntryInfo {
  name: string;
  size: number;
  originalSize: number;
}

function listEntries(bytes: Uint8Array, limits: ZipLimits): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        if (entries.length > limits.maxEntries) throw unsafe('too-many-entries', `> ${limits.maxEntries}`);
        return false;
      },
    });
  } catch (err) {
    if (err instanceof PizhuError) throw err;
    throw new PizhuError('interop-invalid', `Not a readable zip archive: ${String(err)}`, {
      detail: 'zip',
    });
  }
  return entries;
}

/** Checks the central directory against the limits; returns the entries (directories excluded). */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  const entries = listEntries(bytes, limits);
  let total = 0;
  for (const e of entries) {
    if (isUnsafeEntryName(e.name)) throw unsafe('unsafe-path', e.name);
    if (e.originalSize > limits.maxEntryBytes) throw unsafe('entry-too-large', e.name);
    if (e.originalSize > 1024 * 1024 && e.originalSize > e.size * limits.maxRatio)
      throw unsafe('compression-ratio', e.name);
    total += e.originalSize;
  }
  if (total > limits.maxTotalBytes) throw unsafe('too-large', String(total));
  return entries.filter((e) => !e.name.endsWith('/'));
}

/** Inflates the entries `want` accepts, after `checkZip`. */
export function readZip(
  bytes: Uint8Array,
  want: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  checkZip(bytes, limits);
  let files;
  try {
    files = unzipSync(bytes, { filter: (f) => !f.name.endsWith('/') && want(f.name) });
  } catch (err) {
    throw new PizhuError('interop-invalid', `Cannot inflate the archive: ${String(err)}`, { detail: 'zip' });
  }
  return new Map(Object.entries(files));
}

/** Bytes handed to zlib and not yet deflated beyond which the writer waits for it. */
const MAX_PENDING = 8 << 20;

/**
 * Deflates one entry's pieces into fflate's `file` with a zlib stream: the compression runs on
 * libuv's thread pool while the next piece is produced (the writer yields to the event loop
 * after each piece so that zlib can take the next one), and the size and CRC are counted on the
 * way; fflate writes them after the data.
 */
async function deflateEntry(file: ZipInputFile, pieces: Iterable<string | Uint8Array>): Promise<void> {
  const deflate = createDeflateRaw({ level: 6 });
  deflate.on('data', (chunk: Buffer) =>
    file.ondata!(null, new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.length), false),
  );
  const ended = once(deflate, 'end');
  ended.catch(() => undefined); // awaited below; an error also rejects the pending write's wait
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    file.size += bytes.length;
    file.crc = crc32(bytes, file.crc);
    deflate.write(bytes);
    if (deflate.writableLength > MAX_PENDING) await once(deflate, 'drain');
    else await new Promise(setImmediate);
  }
  deflate.end();
  await ended;
  file.ondata!(null, new Uint8Array(0), true);
}

/**
 * Builds a zip (deflated, Node's native zlib) from names → content in pieces (text as UTF-8, or
 * bytes), entries in the order given. The first entry (a QDPX's QDA-XML, produced while it is
 * written) is deflated beside the others, which are deflated one after another; fflate writes
 * the archive, each entry's data as it comes, in order.
 */
export async function writeZip(
  files: ReadonlyMap<string, Iterable<string | Uint8Array>>,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else chunks.push(chunk);
  });
  const entries = [...files].map(([filename, pieces]) => {
    const file: ZipInputFile = { filename, size: 0, crc: 0, compression: 8, mtime: MTIME };
    zip.add(file);
    return [file, pieces] as const;
  });
  const [first, ...rest] = entries;
  await Promise.all([
    first && deflateEntry(...first),
    (async () => {
      for (const entry of rest) await deflateEntry(...entry);
    })(),
  ]);
  zip.end();
  if (failure) throw failure as Error;
  return Buffer.concat(chunks);
}

/** A fixed time in the archive: the bytes depend only on the data. */
const MTIME = new Date('2000-01-01T00:00:00Z');
