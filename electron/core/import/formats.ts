/**
 * Turns a file's bytes into plain text, by format (from the file name's extension):
 * .txt/.md decoded with encoding detection (encoding.ts); .docx via mammoth's HTML (one paragraph,
 * one line; soft breaks and table cells kept); .html/.htm via html-text.ts (readable text, no
 * scripts, styles or navigation, one block per line, tables and <pre> kept); .pdf via pdf.js
 * (pdf.ts). Anything else is `import-unsupported-format`; files over IMPORT_MAX_BYTES are
 * `import-too-large` before any parsing. The .docx/.html/.pdf parsers run in the isolation worker
 * (isolated.ts) after cheap linear checks (archive-check.ts for the zip's central directory,
 * html-depth.ts for nesting), so a hostile file fails alone.
 */
import { extname } from 'node:path';
import { PizhuError } from '../../../shared/errors';
import { IMPORT_MAX_BYTES, type ImportEncoding, type ImportFormat } from '../../../shared/import';
import { decodeText, stripControls, type DecodeResult } from './encoding';
import { checkArchive } from './archive-check';
import { checkHtmlDepth } from './html-depth';
import { parseIsolated } from './isolated';

const EXTENSIONS: Record<string, ImportFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

export function formatOf(fileName: string): ImportFormat {
  const format = EXTENSIONS[extname(fileName).toLowerCase()];
  if (!format) {
    throw new PizhuError('import-unsupported-format', `${fileName}: unsupported file type`, {
      file: fileName,
      extension: extname(fileName) || '—',
    });
  }
  return format;
}

export function checkSize(fileName: string, size: number): void {
  if (size > IMPORT_MAX_BYTES) {
    throw new PizhuError('import-too-large', `${fileName} is ${size} bytes (max ${IMPORT_MAX_BYTES})`, {
      file: fileName,
      size,
      max: IMPORT_MAX_BYTES,
      maxMb: IMPORT_MAX_BYTES / 1024 / 1024,
    });
  }
}

export interface ExtractedText extends DecodeResult {
  format: ImportFormat;
}

function embedded(text: string, steps: string[] = []): DecodeResult {
  const controls = stripControls(text);
  let t = controls.text;
  const s = [...steps];
  if (controls.count > 0) s.push('strip-control-chars');
  if (t.includes('\r')) {
    t = t.replace(/\r\n?/g, '\n');
    s.push('crlf-to-lf');
  }
  return {
    text: t,
    detection: { encoding: 'embedded', method: 'embedded', confidence: null },
    invalidPositions: [],
    invalidCount: 0,
    invalidLines: [],
    mixed: null,
    steps: s,
  };
}

export async function extractText(
  fileName: string,
  bytes: Uint8Array,
  encoding: ImportEncoding | 'auto' = 'auto',
): Promise<ExtractedText> {
  const format = formatOf(fileName);
  checkSize(fileName, bytes.length);
  switch (format) {
    case 'txt':
    case 'md':
      return { format, ...decodeText(bytes, encoding, fileName) };
    // Parsers run in a worker with limits (isolated.ts); cheap linear checks go first.
    case 'docx':
      checkArchive(bytes, fileName);
      return { format, ...embedded(await parseIsolated('docx', { bytes, fileName }, fileName)) };
    case 'html': {
      const html = decodeText(bytes, encoding, fileName).text;
      checkHtmlDepth(html, fileName);
      return { format, ...embedded(await parseIsolated('html', { html }, fileName)) };
    }
    case 'pdf':
      return { format, ...embedded(await parseIsolated('pdf', { bytes, fileName }, fileName)) };
  }
}
