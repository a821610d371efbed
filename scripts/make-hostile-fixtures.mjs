#!/usr/bin/env node
// Regenerates the small files of the hostile import corpus in tests/fixtures/hostile/ (committed;
// rerun only to change them). Large cases (200 KB of random bytes, files with odd names) are
// made by the test itself (tests/unit/import/hostile.test.ts), so no big binary is committed.
// Needs only Node and the repo's node_modules (iconv-lite, fflate).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';

const out = resolve(import.meta.dirname, '../tests/fixtures/hostile');
mkdirSync(out, { recursive: true });
const put = (name, bytes) => writeFileSync(join(out, name), bytes);

const docx = (body, doctype = '') =>
  Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?>${doctype}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
    }),
  );
const p = (t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

put('empty.txt', Buffer.alloc(0));
put('whitespace.txt', Buffer.from(' \n\t\n\u3000\u3000\r\n  \n'));
put('nul-laden.txt', Buffer.from('扩权强县\0改革的成效\0\n存在的问题：财政\0压力\n政策建议\0\n'));
put('gbk-short.txt', iconv.encode('会议纪要', 'gbk'));
put('gbk-mostly-ascii.txt', iconv.encode('Meeting notes 2023: 问题 and 建议, see attached.\n', 'gbk'));
put('utf16le-nobom.txt', iconv.encode('扩权强县改革的成效与问题\nPlain ASCII line.\n', 'utf-16le'));
put('utf16be-nobom.txt', iconv.encode('扩权强县改革的成效与问题\nPlain ASCII line.\n', 'utf-16be'));
put(
  'mixed-utf8-gb18030.txt',
  Buffer.concat([
    Buffer.from('第一行是UTF-8编码的文字\n'),
    iconv.encode('第二行是GB18030编码的文字\n', 'gb18030'),
    Buffer.from('第三行又是UTF-8\n'),
  ]),
);
put(
  'gb2312-meta.html',
  iconv.encode('<html><head><meta charset=gb2312></head><body><p>会议纪要</p></body></html>', 'gbk'),
);
put(
  'png-named.txt',
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]),
);
const good = docx(p('一、工作成效') + p('二、存在的问题'));
put('truncated.docx', good.subarray(0, Math.floor(good.length / 2)));
put(
  'entity-expansion.docx',
  docx(
    p('正文&c;'),
    '<!DOCTYPE w:document [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  ),
);
put(
  'external-entity.docx',
  docx(p('正文&x;'), '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
);

// A valid one-page PDF with no text layer (a scan without OCR, as pdf.js sees it).
const objects = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
  '<< /Length 0 >>\nstream\n\nendstream',
];
let pdf = '%PDF-1.4\n';
const offsets = [];
objects.forEach((o, i) => {
  offsets.push(pdf.length);
  pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
});
const xref = pdf.length;
pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
put('no-text-layer.pdf', Buffer.from(pdf, 'latin1'));
console.log(`wrote ${out}`);
