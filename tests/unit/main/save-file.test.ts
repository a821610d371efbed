// Saving exports: name sanitizing, input checks, atomic UTF-8 writes, the dialog flow.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dialogFilters,
  parseSaveFileRequest,
  sanitizeFileName,
  saveFileWithDialog,
  writeFileAtomic,
} from '../../../electron/main/save-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pizhu-save-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sanitizeFileName', () => {
  it('keeps ordinary Chinese names', () => {
    expect(sanitizeFileName('批注-编码.csv')).toBe('批注-编码.csv');
  });
  it('drops folders and forbidden characters', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\x\\a.csv')).toBe('a.csv');
    expect(sanitizeFileName('a<b>:"|?*.csv')).toBe('a_b______.csv');
    expect(sanitizeFileName('a\u0000b.csv')).toBe('a_b.csv');
  });
  it('falls back for empty, dot-only or non-string names', () => {
    for (const name of ['', '   ', '.', '..', 42, null, undefined])
      expect(sanitizeFileName(name)).toBe('export.txt');
  });
  it('bounds the length and keeps the extension', () => {
    const name = sanitizeFileName('长'.repeat(500) + '.jsonl');
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name.endsWith('.jsonl')).toBe(true);
  });
});

describe('parseSaveFileRequest', () => {
  it.each([
    null,
    'x',
    1,
    {},
    { suggestedName: 'a.csv' },
    { content: 'x' },
    { suggestedName: 1, content: 'x' },
    { suggestedName: 'a', content: 2 },
  ])('rejects %j with invalid-input', (input) =>
    expect(() => parseSaveFileRequest(input)).toThrow(expect.objectContaining({ code: 'invalid-input' })),
  );
});

describe('dialogFilters', () => {
  it('offers the file type first, then all files', () => {
    expect(dialogFilters('a.csv')[0]?.extensions).toEqual(['csv']);
    expect(dialogFilters('a.JSONL')[0]?.extensions).toEqual(['jsonl']);
    expect(dialogFilters('a.bin')).toEqual([{ name: 'All Files', extensions: ['*'] }]);
  });
});

describe('writeFileAtomic', () => {
  it('writes UTF-8 exactly, BOM and characters outside the BMP included', async () => {
    const file = join(dir, 'out.csv');
    const content = '\uFEFFquote,code\n"𠀋𪚥 问题",成效\n';
    await writeFileAtomic(file, content);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['out.csv']); // no temp file left behind
  });

  it('replaces an existing file', async () => {
    const file = join(dir, 'out.jsonl');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it('leaves no temp file and the old file intact when the write fails', async () => {
    const target = join(dir, 'missing-folder', 'out.csv');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('saveFileWithDialog', () => {
  it('writes where the user chose', async () => {
    const chosen = join(dir, 'chosen.csv');
    const showSaveDialog = vi.fn((_options: SaveDialogOptions) =>
      Promise.resolve({ canceled: false, filePath: chosen }),
    );
    const result = await saveFileWithDialog(
      { showSaveDialog, defaultDir: '/docs' },
      { suggestedName: 'x/批注.csv', content: 'a,b\n' },
    );
    expect(result).toEqual({ saved: true, path: chosen });
    expect(await readFile(chosen, 'utf8')).toBe('a,b\n');
    expect(showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: join('/docs', '批注.csv') });
  });

  it('writes nothing when cancelled', async () => {
    const showSaveDialog = vi.fn(() => Promise.resolve({ canceled: true, filePath: '' }));
    const result = await saveFileWithDialog(
      { showSaveDialog, defaultDir: dir },
      { suggestedName: 'a.csv', content: 'x' },
    );
    expect(result).toEqual({ saved: false, path: null });
    expect(await readdir(dir)).toEqual([]);
  });

  it('does not open a dialog for invalid input', async () => {
    const showSaveDialog = vi.fn();
    await expect(
      saveFileWithDialog({ showSaveDialog, defaultDir: dir }, { suggestedName: 'a.csv' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('binary content (encoding: base64)', () => {
  it('accepts utf-8 (default) and base64, refuses other encodings and invalid base64', () => {
    expect(parseSaveFileRequest({ suggestedName: 'a.csv', content: 'x' }).encoding).toBe('utf-8');
    expect(
      parseSaveFileRequest({ suggestedName: 'a.xlsx', content: 'UEsDBA==', encoding: 'base64' }),
    ).toEqual({
      suggestedName: 'a.xlsx',
      content: 'UEsDBA==',
      encoding: 'base64',
    });
    for (const bad of [
      { suggestedName: 'a', content: 'x', encoding: 'latin1' },
      { suggestedName: 'a', content: 'abc', encoding: 'base64' },
      { suggestedName: 'a', content: 'ab$=', encoding: 'base64' },
    ])
      expect(() => parseSaveFileRequest(bad)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('writes the decoded bytes exactly', async () => {
    const chosen = join(dir, 'chart.png');
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]);
    const showSaveDialog = vi.fn((_options: SaveDialogOptions) =>
      Promise.resolve({ canceled: false, filePath: chosen }),
    );
    const result = await saveFileWithDialog(
      { showSaveDialog, defaultDir: dir },
      { suggestedName: 'chart.png', content: bytes.toString('base64'), encoding: 'base64' },
    );
    expect(result.saved).toBe(true);
    expect([...(await readFile(chosen))]).toEqual([...bytes]);
    expect(showSaveDialog.mock.calls[0]?.[0].filters?.[0]?.extensions).toEqual(['png']);
  });

  it('offers xlsx and svg filters', () => {
    expect(dialogFilters('a.xlsx')[0]?.extensions).toEqual(['xlsx']);
    expect(dialogFilters('a.svg')[0]?.extensions).toEqual(['svg']);
  });
});
