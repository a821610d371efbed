// segments-export CSV: the records written straight from the scan are byte for byte what the
// general CSV writer makes of the export's rows (csvText, itself held to csv-stringify), in the
// order of segments-query, for every order and grouping, with fields that need quoting
// (quotes, commas, CR/LF, leading and trailing spaces), an empty export and an astral document.
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import type { SegmentRow } from '../../../shared/contracts/segments';
import type { ApiParsedInput } from '../../../shared/api';
import { openDatabase } from '../../../electron/core/db/database';
import { SEGMENT_COLUMNS, segmentExportRows } from '../../../electron/core/segments/export';
import { csvText } from '../../../electron/core/export/csv';
import { makeFixture, type Fixture } from './fixture';

let fx: Fixture | null = null;
afterEach(() => {
  fx?.core.close();
  fx = null;
});

const ASTRAL = '𠀋𪚥村的调研报告，"引号"，逗号\r\n第二行𠀋𪚥尾';

test('CSV equals csvText of the export rows, in segments-query order', async () => {
  fx = await makeFixture(61, 150);
  const { core, file, annotations, byName } = fx;
  const imported = await core.dispatch('import-commit', {
    fileName: 'astral.txt',
    contentBase64: Buffer.from(ASTRAL).toString('base64'),
  });
  const astral = (await core.handlers['documents-list']({})).find((d) => d.sourceFile === 'astral.txt')!;
  expect(imported).toBeTruthy();
  for (const [start, end] of [
    [0, 3],
    [1, 9],
    [10, 16],
    [17, 23],
  ] as const)
    await core.handlers['annotations-create']({
      documentId: astral.id,
      codeId: byName('问题').id,
      start,
      end,
    });
  const raw = new Database(file);
  const memos = ['say "hi", then', ' leading', 'trailing\u3000', 'two\r\nlines', 'lone\rcr', '', '=1+1'];
  annotations
    .slice(0, 40)
    .forEach((a, i) =>
      raw.prepare('UPDATE annotations SET memo = ? WHERE id = ?').run(memos[i % memos.length], a.id),
    );
  raw.prepare('UPDATE codes SET name = ? WHERE id = ?').run('建议, "含引号"', byName('建议').id);
  raw.prepare("UPDATE coders SET name = ' 李四' WHERE name = '李四'").run();
  raw.close();

  const db = openDatabase(file);
  const ctx = { db, file, now: () => new Date(0) };
  try {
    const inputs: Omit<ApiParsedInput<'segments-export'>, 'format'>[] = [
      { sort: 'document', direction: 'asc' },
      { sort: 'document', direction: 'desc' },
      { sort: 'document', direction: 'desc', groupBy: 'document' },
      { sort: 'document', direction: 'asc', groupBy: 'code' },
      { sort: 'length', direction: 'asc' },
      { sort: 'created', direction: 'desc', codeIds: [byName('问题').id], includeSubcodes: true },
      { sort: 'document', direction: 'asc', textQuery: '不会出现的文字' },
    ];
    for (const input of inputs) {
      const file = await core.handlers['segments-export']({ ...input, format: 'csv' });
      const rows = segmentExportRows(ctx, { ...input, format: 'csv' });
      expect(file.content).toBe(csvText(SEGMENT_COLUMNS, rows));
      expect(file.rowCount).toBe(rows.length);
      const listed: SegmentRow[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await core.handlers['segments-query']({ ...input, offset, limit: 100 });
        listed.push(...page.rows);
        if (page.rows.length < 100) break;
      }
      expect(rows.map((r) => r[0])).toEqual(listed.map((r) => r.id));
      expect(rows.map((r) => [r[8], r[10]])).toEqual(listed.map((r) => [r.before, r.after]));
    }
    const csv = (
      await core.handlers['segments-export']({ sort: 'document', direction: 'asc', format: 'csv' })
    ).content;
    expect(csv).toContain('"建议, ""含引号"""');
    expect(csv).toContain('"two\r\nlines"');
    expect(csv).toContain('𠀋𪚥村');
  } finally {
    db.close();
  }
});
