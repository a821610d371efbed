/**
 * Issue 9 item 5: U+0000 in a document. SQLite's substr() stops at NUL, which blanked every quote,
 * segment context and export row at or after it. Import now strips NUL and other C0 controls (a
 * recorded step), and quote cutting is right even for documents that already hold a NUL (an
 * older project, or a raw `--seeds` folder).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/index';
import type { DocumentDetail, DocumentSummary } from '../../../shared/domain';
import type { ImportCommitResult } from '../../../shared/import';
import type { SegmentsPage } from '../../../shared/contracts/segments';
import { tempDir, textFolder } from '../core/helpers';

const TEXT = '开头\u0000扩权强县𠀋改革的成效\u0000与问题𪚥结尾';

describe('a document holding U+0000', () => {
  it('quotes, segment context and both exports keep the text after the NUL', async () => {
    const core = openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: textFolder({ 'nul.txt': TEXT }) });
    try {
      const [doc] = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      const codes = (await core.dispatch('codes-list', {})) as { id: string }[];
      // 扩权强县𠀋 : code points 3..8
      const a = (await core.dispatch('annotations-create', {
        documentId: doc!.id,
        codeId: codes[0]!.id,
        start: 3,
        end: 8,
      })) as { annotation?: { quote: string }; quote?: string };
      expect(JSON.stringify(a)).toContain('扩权强县𠀋');
      const page = (await core.dispatch('segments-query', {})) as SegmentsPage;
      expect(page.rows[0]).toMatchObject({
        text: '扩权强县𠀋',
        before: '开头\u0000',
        after: '改革的成效\u0000与问题𪚥结尾',
      });
      for (const format of ['csv', 'jsonl'] as const) {
        const file = (await core.dispatch('export-dataset', { format })) as {
          content?: string;
          contentBase64?: string;
        };
        const content = file.content ?? Buffer.from(file.contentBase64 ?? '', 'base64').toString('utf8');
        expect(content).toContain('扩权强县𠀋');
      }
    } finally {
      core.close();
    }
  });

  it('import strips NUL and other control characters and records the step', async () => {
    const core = openCore({ file: join(tempDir(), 'p.pizhu'), empty: true });
    try {
      const r = (await core.dispatch('import-commit', {
        fileName: 'nul.txt',
        contentBase64: Buffer.from(TEXT.replace('结尾', '\u0007结尾')).toString('base64'),
      })) as ImportCommitResult;
      const d = (await core.dispatch('documents-get', { id: r.documents[0]!.id })) as DocumentDetail;
      expect(d.text).toBe('开头扩权强县𠀋改革的成效与问题𪚥结尾');
      expect(d.provenance.cleaning).toContain('strip-control-chars');
    } finally {
      core.close();
    }
  });
});
