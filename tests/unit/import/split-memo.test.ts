/** Issue 9 item 6: splitting a document keeps its memo on every part (undo restores the original). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/index';
import type { DocumentSummary } from '../../../shared/domain';
import { tempDir, textFolder } from '../core/helpers';

describe('documents-split and the document memo', () => {
  it('every part carries the memo; undo brings back the one document with it', async () => {
    const core = openCore({
      file: join(tempDir(), 'p.pizhu'),
      seedsDir: textFolder({ 'c.txt': '第一篇:甲\n内容一𠀋\n第二篇:乙\n内容二𪚥\n' }),
    });
    try {
      const [doc] = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      await core.dispatch('documents-update-memo', { id: doc!.id, memo: '来源：县政府网站，2021 年' });
      const at = [[...'第一篇:甲\n内容一𠀋\n'].length];
      await core.dispatch('documents-split', { id: doc!.id, at });
      const parts = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      expect(parts).toHaveLength(2);
      for (const p of parts) expect(p.memo).toBe('来源：县政府网站，2021 年');
      await core.dispatch('history-undo', {});
      const back = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      expect(back.map((d) => [d.id, d.memo])).toEqual([[doc!.id, '来源：县政府网站，2021 年']]);
    } finally {
      core.close();
    }
  });
});
