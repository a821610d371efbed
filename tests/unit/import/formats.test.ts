/**
 * Formats and encodings against the committed fixtures (scripts/make-fixtures.sh): every import
 * must give back exactly the UTF-8 seed text (after LF normalisation), whatever the encoding.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../../electron/core/import/encoding';
import { extractText } from '../../../electron/core/import/formats';
import { htmlText } from '../../../electron/core/import/html-text';
import { IMPORT_MAX_BYTES } from '../../../shared/import';
import { expectCode } from '../core/helpers';
import { fixture, lf, seedText } from './helpers';

describe('encodings', () => {
  it.each([
    ['001.gbk.txt', '001', 'gb18030', 'frequency'],
    ['003.gb18030.txt', '003', 'gb18030', 'frequency'],
    ['002.utf16le.txt', '002', 'utf-16le', 'bom'],
    ['003.utf16be.txt', '003', 'utf-16be', 'bom'],
    ['004.utf8bom-crlf.txt', '004', 'utf-8', 'bom'],
  ])('%s decodes to seed %s exactly (%s by %s)', async (file, seed, encoding, method) => {
    const r = await extractText(file, fixture(file));
    expect(r.detection.encoding).toBe(encoding);
    expect(r.detection.method).toBe(method);
    expect(r.text).toBe(lf(seedText(seed)));
    expect(r.invalidCount).toBe(0);
  });

  it('detects Big5 for the Traditional seed 000 and decodes it exactly', async () => {
    const r = await extractText('000.big5.txt', fixture('000.big5.txt'));
    expect(r.detection).toMatchObject({ encoding: 'big5', method: 'frequency' });
    expect(r.text).toBe(lf(fixture('000.big5-source.txt').toString('utf8')));
  });

  it('plain UTF-8 without BOM is recognised by validity', () => {
    expect(detectEncoding(Buffer.from(seedText('001')))).toEqual({
      encoding: 'utf-8',
      method: 'utf-8-valid',
      confidence: null,
    });
  });

  it('an override is obeyed: GBK bytes read as Big5 give different text', () => {
    const r = decodeText(fixture('001.gbk.txt'), 'big5');
    expect(r.detection).toEqual({ encoding: 'big5', method: 'override', confidence: null });
    expect(r.text).not.toBe(lf(seedText('001')));
  });

  it('invalid bytes become U+FFFD and are reported with their byte positions', () => {
    const gbk = (s: string) => iconv.encode(s, 'gbk');
    const bytes = Buffer.concat([
      gbk('扩权强县'),
      Buffer.from([0xff]),
      gbk('试点'),
      Buffer.from([0x81, 0x20]),
    ]);
    const r = decodeText(bytes, 'gb18030');
    expect(r.text).toBe('扩权强县\ufffd试点\ufffd ');
    expect(r.invalidCount).toBe(2);
    expect(r.invalidPositions).toEqual([8, 13]);
    expect(r.steps).toContain('replace-invalid-bytes');
    expect([...r.text].filter((c) => c === '\ufffd')).toHaveLength(2);

    const utf8 = Buffer.concat([Buffer.from('扩权强县'), Buffer.from([0xe6, 0x89]), Buffer.from('试点')]);
    const u = decodeText(utf8, 'utf-8');
    expect(u.invalidPositions).toEqual([12]);
    expect(u.text).toBe('扩权强县\ufffd试点');
  });
});

describe('formats', () => {
  it('.docx: paragraphs are lines; the text equals the seed (LibreOffice drops nothing)', async () => {
    const r = await extractText('004.docx', fixture('004.docx'));
    expect(r.format).toBe('docx');
    expect(r.detection.encoding).toBe('embedded');
    expect(r.text).toBe(lf(seedText('004')).replace(/\n+$/, ''));
  });

  it('.pdf: the text layer in reading order holds every character of the seed', async () => {
    const r = await extractText('004.pdf', fixture('004.pdf'));
    expect(r.format).toBe('pdf');
    // A PDF keeps no source line breaks (lines are wrapped to the page) and LibreOffice adds
    // spacing around Latin runs, so compare without white space.
    expect(r.text.replace(/\s/g, '')).toBe(seedText('004').replace(/\s/g, ''));
    expect(r.text.split('\n')[1]).toBe('区委书记在全市简政放权改革乡镇试点工作推进会上的交流发言');
  });

  it('.html: readable paragraphs, no script, style, navigation or footer', async () => {
    const r = await extractText('004.html', fixture('004.html'));
    const expected = seedText('004')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join('\n');
    expect(r.text).toBe(expected);
    for (const noise of ['广告脚本', '统计代码', '首页', '版权所有', 'margin'])
      expect(r.text).not.toContain(noise);
    expect(htmlText('<p>一</p><p>二</p>')).toBe('一\n二');
  });

  it('refuses unknown formats, huge files, PDFs without text and broken files', async () => {
    await expectCode(() => extractText('a.xlsx', Buffer.from('x')), 'import-unsupported-format');
    await expectCode(() => extractText('noext', Buffer.from('x')), 'import-unsupported-format');
    await expectCode(() => extractText('big.txt', new Uint8Array(IMPORT_MAX_BYTES + 1)), 'import-too-large');
    await expectCode(() => extractText('scan.pdf', blankPdf()), 'import-no-text-layer');
    await expectCode(() => extractText('broken.pdf', Buffer.from('%PDF-1.4 nonsense')), 'import-unreadable');
    await expectCode(() => extractText('broken.docx', Buffer.from('PK not a zip')), 'import-unreadable');
  });
});

/** A valid one-page PDF with no text at all (what a scan without OCR looks like to pdf.js). */
function blankPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
