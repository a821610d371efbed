/**
 * The cases of the encoding matrix (encoding-matrix.test.ts): the seeds in every encoding that can
 * hold them, short samples, and the encoder; shared with the script detection tests.
 */
import iconv from 'iconv-lite';
import { fixture, lf, seedText } from './helpers';

export type Enc = 'gb18030' | 'gbk' | 'big5' | 'utf-16le' | 'utf-16be' | 'utf-8';

export function encode(text: string, enc: Enc, bom: boolean): Buffer {
  const body = iconv.encode(text, enc === 'utf-16le' ? 'utf-16le' : enc, { addBOM: false });
  if (!bom) return body;
  const marks: Record<string, number[]> = {
    'utf-8': [0xef, 0xbb, 0xbf],
    'utf-16le': [0xff, 0xfe],
    'utf-16be': [0xfe, 0xff],
  };
  return Buffer.concat([Buffer.from(marks[enc]!), body]);
}

/** What a detected encoding may be called for bytes written in `enc` (GBK ⊂ GB18030). */
export const ACCEPT: Record<Enc, string[]> = {
  gb18030: ['gb18030'],
  gbk: ['gb18030', 'gbk'],
  big5: ['big5'],
  'utf-16le': ['utf-16le'],
  'utf-16be': ['utf-16be'],
  'utf-8': ['utf-8'],
};

const big5Source = () => lf(fixture('000.big5-source.txt').toString('utf8'));

export const SEED_CASES: [string, () => string, Enc[]][] = [
  ['000', () => lf(seedText('000')), ['gb18030', 'gbk']],
  ['000 (Big5 forms)', big5Source, ['big5']],
  ['001', () => lf(seedText('001')), ['gb18030', 'gbk']],
  ['002', () => lf(seedText('002')), ['gb18030', 'gbk', 'big5']],
  ['003', () => lf(seedText('003')), ['gb18030', 'gbk']],
  ['004', () => lf(seedText('004')), ['gb18030']],
];
export const UNICODE: Enc[] = ['utf-8', 'utf-16le', 'utf-16be'];

export const SHORT_SIMPLIFIED = [
  '会议纪要',
  '问题',
  '2023年工作总结',
  '关于加强财政管理',
  '扩权强县',
  '通知',
  '纪要 v2 定稿',
];
export const SHORT_TRADITIONAL = [
  '會議紀要',
  '問題',
  '2023年工作總結',
  '關於加強財政管理',
  '擴權強縣',
  '通知',
  '紀要 v2 定稿',
];

/** Every case of the matrix as bytes: seeds (name, encoding, BOM) and short samples. */
export function matrixCases(): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  const add = (name: string, text: string, encodings: Enc[]) => {
    for (const enc of encodings) {
      for (const bom of UNICODE.includes(enc) ? [true, false] : [false]) {
        out.push({ name: `${name} in ${enc}${bom ? ' with BOM' : ''}`, bytes: encode(text, enc, bom) });
      }
    }
  };
  for (const [name, text, legacy] of SEED_CASES) add(`seed ${name}`, text(), [...legacy, ...UNICODE]);
  for (const s of SHORT_SIMPLIFIED) add(s, s, ['gb18030', 'gbk', ...UNICODE]);
  for (const s of SHORT_TRADITIONAL) add(s, s, ['big5', 'gb18030', ...UNICODE]);
  return out;
}
