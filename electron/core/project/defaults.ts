/**
 * What a new project starts with: the default codebook (成效 / 问题 / 建议, the three categories
 * the users' analyses are built on), one coder for the person at this computer, marked current,
 * and optionally the sample corpus.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import type { Db } from '../db/database';
import { decodeUtf8Text } from '../documents/decode';
import { insertDocument } from '../documents/insert';
import { setCurrentCoderId } from '../coders/current';

/** Colours chosen to stay distinct for the common colour-vision deficiencies and on white text. */
export const DEFAULT_CODES = [
  {
    name: '成效',
    color: '#2e9d5b',
    shortcut: '1',
    description: '已取得的成绩、进展和积极效果（achievement）',
  },
  { name: '问题', color: '#d64545', shortcut: '2', description: '存在的问题、困难、不足和风险（problem）' },
  {
    name: '建议',
    color: '#2f6fd6',
    shortcut: '3',
    description: '对策建议、改进措施和下一步工作（recommendation）',
  },
] as const;

export const FALLBACK_CODER_NAME = '编码员';
const DEFAULT_CODER_COLOR = '#7a4fd6';

export function insertDefaultCodebook(db: Db, now: string): void {
  const insert = db.stmt(
    `INSERT INTO codes (id, parent_id, name, color, description, shortcut, sort_order, created_at)
     VALUES (?, NULL, ?, ?, ?, ?, ?, ?)`,
  );
  DEFAULT_CODES.forEach((c, i) =>
    insert.run(randomUUID(), c.name, c.color, c.description, c.shortcut, i, now),
  );
}

/** The OS account name: what a researcher expects to see as "who coded this". */
export function defaultCoderName(): string {
  try {
    const name = userInfo().username.trim();
    return name.length > 0 ? name : FALLBACK_CODER_NAME;
  } catch {
    // userInfo() throws when the account has no name entry (some containers).
    return FALLBACK_CODER_NAME;
  }
}

export function insertDefaultCoder(db: Db, now: string): string {
  const id = randomUUID();
  db.stmt('INSERT INTO coders (id, name, color, created_at) VALUES (?, ?, ?, ?)').run(
    id,
    defaultCoderName(),
    DEFAULT_CODER_COLOR,
    now,
  );
  setCurrentCoderId(db, id);
  return id;
}

/**
 * Imports every `.txt` file of `dir` (sorted by file name, code-unit order, so that the numbered
 * seed files keep their order on every OS). Returns the number of documents imported.
 */
export function importTextFolder(db: Db, dir: string, now: string): number {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.txt'))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const path = resolve(join(dir, name));
    const decoded = decodeUtf8Text(readFileSync(path));
    insertDocument(
      db,
      { ...decoded, title: decoded.title ?? basename(name, '.txt'), sourceFile: name, sourcePath: path },
      now,
    );
  }
  return names.length;
}
