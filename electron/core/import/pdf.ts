/**
 * Text of a PDF's text layer with pdfjs-dist (legacy build: the one that runs in plain Node).
 * Text items are grouped into lines by their baseline (y) and ordered left to right, pages top to
 * bottom; a page break is a line break. Chinese needs no spaces between items, so items are joined
 * directly unless pdf.js marks a gap (`hasEOL`, or a visible horizontal gap for Latin words).
 * A PDF whose pages have no text at all (a scan) is refused with `import-no-text-layer`: OCR is
 * not the importer's job and an empty document would be useless.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PizhuError } from '../../../shared/errors';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    // In Node, pdf.js reads these with fs: plain folder paths with a trailing separator.
    cMapUrl: `${join(root, 'cmaps')}/`,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  };
}

export async function pdfText(bytes: Uint8Array, fileName: string): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const assets = pdfjsAssets();
  let doc;
  try {
    doc = await getDocument({
      // pdf.js takes ownership of (detaches) the buffer: give it a copy.
      data: new Uint8Array(bytes),
      cMapUrl: assets.cMapUrl,
      cMapPacked: true,
      standardFontDataUrl: assets.standardFontDataUrl,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    throw new PizhuError(
      'import-unreadable',
      `${fileName} is not a readable PDF: ${err instanceof Error ? err.message : String(err)}`,
      { file: fileName },
    );
  }
  try {
    const pages: string[] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items = (content.items as unknown[]).filter(
        (i): i is TextItem => typeof (i as TextItem).str === 'string',
      );
      const lines = groupLines(items);
      chars += lines.join('').replace(/\s/g, '').length;
      pages.push(lines.join('\n'));
      page.cleanup();
    }
    if (chars === 0) {
      throw new PizhuError('import-no-text-layer', `${fileName} has no text layer (scanned pages?)`, {
        file: fileName,
      });
    }
    return pages.join('\n');
  } finally {
    await doc.destroy();
  }
}

/** Groups items whose baselines are within half a line height, top to bottom, left to right. */
export function groupLines(items: readonly TextItem[]): string[] {
  const rows: { y: number; h: number; items: TextItem[] }[] = [];
  for (const item of items) {
    if (item.str === '' && !item.hasEOL) continue;
    const y = item.transform[5]!;
    const h = Math.abs(item.height || item.transform[3] || 10);
    const row = rows.find((r) => Math.abs(r.y - y) <= Math.max(r.h, h) / 2);
    if (row) row.items.push(item);
    else rows.push({ y, h, items: [item] });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows
    .map((row) => {
      const sorted = [...row.items].sort((a, b) => a.transform[4]! - b.transform[4]!);
      let line = '';
      let lastEnd: number | null = null;
      for (const item of sorted) {
        const x = item.transform[4]!;
        const gap = lastEnd === null ? 0 : x - lastEnd;
        // A visible gap between Latin/digit runs is a space; CJK runs join directly.
        if (
          lastEnd !== null &&
          gap > 0.25 * row.h &&
          /[A-Za-z0-9]$/.test(line) &&
          /^[A-Za-z0-9]/.test(item.str)
        )
          line += ' ';
        line += item.str;
        lastEnd = x + item.width;
      }
      return line.replace(/\s+$/u, '');
    })
    .filter((l) => l.trim() !== '');
}
