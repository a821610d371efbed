/**
 * Reading and writing zip archives (QDPX) with fflate, safely. Before anything is inflated, the
 * central directory is read (fflate's `filter` sees each entry's name and declared sizes) and
 * the archive is refused when it could be a zip bomb (too many entries, too much uncompressed
 * data in total or in one entry, an extreme compression ratio) or names a path that would escape
 * a folder (zip slip: `..`, absolute paths, drive letters, backslashes). Only then are the wanted
 * entries inflated, into buffers of their declared size.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { strToU8, unzipSync, Zip, type ZipInputFile } from 'fflate';
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

/**
 * Builds a zip (deflated) from names → text or bytes. fflate writes the archive; each entry is
 * deflated by Node's zlib (native), which is several times faster than fflate's JavaScript
 * deflate on the tens of megabytes of a large project's QDPX (issue 13's profile: 45 % of the
 * export was `deflateSync`).
 */
export function writeZip(files: Record<string, string | Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? strToU8(content) : content;
    const file: ZipInputFile = {
      filename: name,
      size: data.length,
      crc: crc32(data),
      compression: 8,
      mtime: new Date('2000-01-01T00:00:00Z'),
    };
    zip.add(file);
    const deflated = deflateRawSync(data, { level: 6 });
    file.ondata!(null, new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.length), true);
  }
  zip.end();
  if (failure) throw failure as Error;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
