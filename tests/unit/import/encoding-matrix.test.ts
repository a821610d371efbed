/**
 * Encoding detection, issue 9 items 1–4: every seed in every encoding that can hold it, with and
 * without BOM, and short (≤ 10 characters) samples, must be detected and decoded exactly; GBK is
 * not mistaken for Big5 (or the reverse); UTF-16 without BOM, declared charsets, files mixing
 * UTF-8 and GB18030 lines, and binary files named .txt.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../../electron/core/import/encoding';
import { extractText } from '../../../electron/core/import/formats';
import { expectCode } from '../core/helpers';
import {
  ACCEPT,
  encode,
  SEED_CASES,
  SHORT_SIMPLIFIED,
  SHORT_TRADITIONAL,
  UNICODE,
  type Enc,
} from './encoding-cases';

describe('encoding matrix: the seeds', () => {
  for (const [name, text, legacy] of SEED_CASES) {
    for (const enc of [...legacy, ...UNICODE]) {
      for (const bom of UNICODE.includes(enc) ? [true, false] : [false]) {
        it(`seed ${name} in ${enc}${bom ? ' with BOM' : ''}`, () => {
          const r = decodeText(encode(text(), enc, bom));
          expect(ACCEPT[enc]).toContain(r.detection.encoding);
          expect(r.text).toBe(text());
          expect(r.invalidCount).toBe(0);
        });
      }
    }
  }
});

describe('encoding matrix: short samples (≤ 10 characters)', () => {
  const cases: [string, Enc][] = [
    ...SHORT_SIMPLIFIED.flatMap((s) =>
      (['gb18030', 'gbk', ...UNICODE] as Enc[]).map((e) => [s, e] as [string, Enc]),
    ),
    ...SHORT_TRADITIONAL.flatMap((s) =>
      (['big5', 'gb18030', ...UNICODE] as Enc[]).map((e) => [s, e] as [string, Enc]),
    ),
  ];
  for (const [sample, enc] of cases) {
    for (const bom of UNICODE.includes(enc) ? [true, false] : [false]) {
      it(`${sample} in ${enc}${bom ? ' with BOM' : ''}`, () => {
        expect([...sample].length).toBeLessThanOrEqual(10);
        const r = decodeText(encode(sample, enc, bom));
        expect(r.text).toBe(sample);
        expect(ACCEPT[enc]).toContain(r.detection.encoding);
      });
    }
  }
});

describe('issue 9 item 1: GBK is not Big5', () => {
  it.each(['会议纪要', '问题', '2023年工作总结', 'Meeting notes for Q3, see 附件 for details.'])(
    '%s saved as GBK imports as itself',
    (s) => {
      expect(decodeText(iconv.encode(s, 'gbk')).text).toBe(s);
    },
  );

  it('an HTML page declaring <meta charset=gb2312> is decoded as GB', async () => {
    const html =
      '<html><head><meta charset=gb2312><title>t</title></head><body><p>会议纪要</p></body></html>';
    const r = await extractText('page.html', iconv.encode(html, 'gbk'));
    expect(r.text).toBe('会议纪要');
  });

  it('an http-equiv Content-Type charset and an XML declaration are honoured too', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=big5">';
    expect(decodeText(iconv.encode(`${head}問題`, 'big5')).detection).toMatchObject({
      encoding: 'big5',
      method: 'declared',
    });
    const xml = '<?xml version="1.0" encoding="GB2312"?><a>问题</a>';
    expect(decodeText(iconv.encode(xml, 'gbk')).text).toBe(xml);
  });

  it('a guess between near-equal decodings is marked weak', () => {
    // B0 B2 is a common character in both GBK (安) and Big5 (假): no decoding is clearly right;
    // neither is of one script, so GB18030 is preferred.
    const r = decodeText(Buffer.from([0xb0, 0xb2]));
    expect(r.detection).toMatchObject({ encoding: 'gb18030', weak: true, alternative: 'big5' });
    expect(r.text).toBe('安');
    expect(decodeText(iconv.encode('关于加强县级财政管理的通知', 'gbk')).detection.weak).toBe(false);
  });
});

describe('issue 9 item 2: UTF-16 without BOM', () => {
  it.each([
    ['utf-16le', 'Hello, plain ASCII text.'],
    ['utf-16be', 'Hello, plain ASCII text.'],
    ['utf-16le', '扩权强县改革的成效与问题'],
    ['utf-16be', '扩权强县改革的成效与问题'],
  ] as const)('%s: %s', (enc, s) => {
    const r = decodeText(iconv.encode(s, enc));
    expect(r.detection.encoding).toBe(enc);
    expect(r.text).toBe(s);
  });
});

describe('issue 9 item 3: a file mixing UTF-8 and GB18030 lines', () => {
  it('decodes each line with its own encoding and says which lines', () => {
    const lines = [
      '第一行是UTF-8编码的文字',
      '第二行是GB18030编码的文字',
      '第三行又是UTF-8',
      '第四行：GB18030',
    ];
    const bytes = Buffer.concat(
      lines.flatMap((l, i) => [
        i % 2 === 0 ? Buffer.from(l, 'utf8') : iconv.encode(l, 'gb18030'),
        Buffer.from('\n'),
      ]),
    );
    const r = decodeText(bytes);
    expect(r.text).toBe(`${lines.join('\n')}\n`);
    expect(r.invalidCount).toBe(0);
    expect(r.mixed).toEqual({ encoding: 'utf-8', count: 2, lines: [1, 3] });
  });

  it('a UTF-8 file with one GB18030 line is UTF-8, that line the exception', () => {
    const lines = ['第一行', '第二行：扩权强县', '第三行是GB18030', '第四行', '第五行'];
    const bytes = Buffer.concat(
      lines.map((l, i) => (i === 2 ? iconv.encode(`${l}\n`, 'gb18030') : Buffer.from(`${l}\n`))),
    );
    const r = decodeText(bytes);
    expect(r.text).toBe(`${lines.join('\n')}\n`);
    expect(r.detection.encoding).toBe('utf-8');
    expect(r.mixed).toEqual({ encoding: 'gb18030', count: 1, lines: [3] });
  });

  it('every garbled line is reported with its line number', () => {
    const bytes = Buffer.concat([
      iconv.encode('第一行\n', 'gb18030'),
      Buffer.from([0x81, 0x0a]),
      iconv.encode('第三行\n', 'gb18030'),
      Buffer.from([0xff, 0x41, 0x0a]),
    ]);
    const r = decodeText(bytes);
    expect(r.invalidCount).toBe(2);
    expect(r.invalidLines).toEqual([2, 4]);
  });
});

describe('issue 9 item 4: binary files are refused', () => {
  it('200 KB of random bytes named .txt', async () => {
    let seed = 42;
    const bytes = Buffer.alloc(200 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    await expectCode(() => extractText('random.txt', bytes), 'import-not-text');
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
    ['PDF', [...Buffer.from('%PDF-1.7\n')]],
    ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
    ['SQLite', [...Buffer.from('SQLite format 3\0')]],
  ])('a %s file named .txt', async (_name, head) => {
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from('正文'.repeat(100))]);
    await expectCode(() => extractText('file.txt', bytes), 'import-not-text');
  });

  it('plain text with a few stray NUL bytes is text (the NULs are stripped)', () => {
    const r = decodeText(Buffer.from('扩权强县\0改革\0成效\n第二行\0'));
    expect(r.text).toBe('扩权强县改革成效\n第二行');
    expect(r.steps).toContain('strip-control-chars');
    expect(detectEncoding(Buffer.from('abc\0def')).encoding).toBe('utf-8');
  });
});
