// Db.dataVersion(), the one key of the core's caches of what was read (search's document list,
// a co-occurrence cell's stretches): it moves with every write on the connection, with a commit
// by another connection, and is null inside a transaction (what is read there may be rolled back).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openCore } from '../../../electron/core/index';
import { openDatabase } from '../../../electron/core/db/database';
import { tempDir } from './helpers';

describe('Db.dataVersion', () => {
  test('moves with writes here and commits elsewhere; none inside a transaction', () => {
    const file = join(tempDir(), 'v.pizhu');
    openCore({ file, empty: true }).close();
    const db = openDatabase(file);
    const other = new Database(file);
    try {
      const first = db.dataVersion();
      expect(first).not.toBeNull();
      expect(db.dataVersion()).toBe(first);
      db.raw.prepare(`INSERT INTO settings (key, value) VALUES ('t', '1')`).run();
      const afterWrite = db.dataVersion();
      expect(afterWrite).not.toBe(first);
      other.prepare(`UPDATE settings SET value = '2' WHERE key = 't'`).run();
      const afterOther = db.dataVersion();
      expect(afterOther).not.toBe(afterWrite);
      db.transaction(() => {
        db.raw.prepare(`UPDATE settings SET value = '3' WHERE key = 't'`).run();
        expect(db.dataVersion()).toBeNull();
      });
      // A write rolled back still moves it (the count of changes includes it).
      const beforeRollback = db.dataVersion();
      db.raw.exec('BEGIN');
      db.raw.prepare(`UPDATE settings SET value = '4' WHERE key = 't'`).run();
      expect(db.dataVersion()).toBeNull();
      db.raw.exec('ROLLBACK');
      expect(db.dataVersion()).not.toBeNull();
      expect(db.dataVersion()).not.toBe(beforeRollback);
    } finally {
      other.close();
      db.close();
    }
  });
});
