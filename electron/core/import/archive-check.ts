/**
 * Checks a .docx's zip central directory before any parser inflates it: the number of entries,
 * the total uncompressed size and each large entry's compression ratio. A 1 MB file that
 * unpacks to 400 MB of XML, or a "zip bomb" of zeros, is refused here in milliseconds with
 * `import-archive-bomb`, without inflating a byte. (A directory that lies about sizes gets past
 * this check; the worker's heap limit catches that case: import/isolated.ts.)
 *
 * fflate's `unzipSync` with a filter that declines every entry reads exactly the central
 * directory (names, compressed and uncompressed sizes) and decompresses nothing.
 */
import { unzipSync } from 'fflate';
import { PizhuError } from '../../../shared/errors';

export interface ArchiveLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/**
 * A real .docx has tens of entries; its document.xml compresses 5–20×. 64 MB of XML is several
 * million characters of text and stays well inside the parse worker's heap.
 */
export const DOCX_LIMITS: ArchiveLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export interface ArchiveSummary {
  entries: number;
  totalBytes: number;
}

export function checkArchive(bytes: Uint8Array, fileName: string, limits = DOCX_LIMITS): ArchiveSummary {
  let entries = 0;
  let totalBytes = 0;
  const refuse = (reason: string): never => {
    throw new PizhuError('import-archive-bomb', `${fileName}: ${reason}`, {
      file: fileName,
      maxMb: Math.round(limits.maxTotalBytes / 1024 / 1024),
    });
  };
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        entries++;
        totalBytes += entry.originalSize;
        if (entries > limits.maxEntries) refuse(`more than ${limits.maxEntries} entries`);
        if (totalBytes > limits.maxTotalBytes) refuse(`unpacks to more than ${limits.maxTotalBytes} bytes`);
        if (
          entry.originalSize > limits.ratioFloorBytes &&
          entry.originalSize > limits.maxRatio * Math.max(entry.size, 1)
        )
          refuse(`${entry.name} is compressed ${Math.round(entry.originalSize / Math.max(entry.size, 1))}:1`);
        return false;
      },
    });
  } catch (err) {
    if (err instanceof PizhuError) throw err;
    throw new PizhuError(
      'import-unreadable',
      `${fileName} is not a readable .docx: ${err instanceof Error ? err.message : String(err)}`,
      { file: fileName },
    );
  }
  return { entries, totalBytes };
}
