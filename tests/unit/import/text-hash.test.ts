/**
 * The canonical text's hash (`documents.text_sha256`, the duplicate check's key) is the SHA-256
 * of the text's UTF-8 whether the import reuses the file's hash (a UTF-8 file left as it was) or
 * hashes the decoded, cleaned text (a BOM, CRLF, invalid bytes, GB18030, a cleaning step).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/index';
import { tempDir } from '../core/helpers';

const TEXT = '標題：量子計算機與縣長𠀋\n一、工作成效𪚥\n（一）財政壓力 e\u0301 ＡＢＣ\n';

const CASES: [string, Uint8Array][] = [
  ['plain UTF-8', Buffer.from(TEXT, 'utf8')],
  ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
  ['UTF-8 with CRLF', Buffer.from(TEXT.replace(/\n/g, '\r\n'), 'utf8')],
  ['UTF-8 with an invalid byte', Buffer.concat([Buffer.from(TEXT, 'utf8'), Buffer.from([0xff, 0x0a])])],
  ['GB18030', iconv.encode(TEXT.replace('𠀋', '').replace('𪚥', ''), 'gb18030')],
];

describe('text_sha256 of an import', () => {
  it.each(CASES)('%s: the SHA-256 of the canonical text', async (_name, bytes) => {
    const core = openCore({ file: join(tempDir(), 'h.pizhu'), empty: true });
    try {
      const r = (await core.dispatch('import-commit', {
        fileName: 'f.txt',
        contentBase64: Buffer.from(bytes).toString('base64'),
      })) as { documents: { id: string }[] };
      const row = core.context.db.raw
        .prepare('SELECT text, text_sha256 FROM documents WHERE id = ?')
        .get(r.documents[0]!.id) as { text: string; text_sha256: string };
      expect(row.text_sha256).toBe(createHash('sha256').update(row.text, 'utf8').digest('hex'));
    } finally {
      core.close();
    }
  });

  it('a cleaning step that changes the text: the hash of the cleaned text', async () => {
    const core = openCore({ file: join(tempDir(), 'c.pizhu'), empty: true });
    try {
      const r = (await core.dispatch('import-commit', {
        fileName: 'f.txt',
        contentBase64: Buffer.from('標(biāo)題(tí)：財政壓力\n', 'utf8').toString('base64'),
        cleaning: ['pinyin'],
      })) as { documents: { id: string }[] };
      const row = core.context.db.raw
        .prepare('SELECT text, text_sha256 FROM documents WHERE id = ?')
        .get(r.documents[0]!.id) as { text: string; text_sha256: string };
      expect(row.text).not.toContain('biāo');
      expect(row.text_sha256).toBe(createHash('sha256').update(row.text, 'utf8').digest('hex'));
    } finally {
      core.close();
    }
  });
});
