// Database layer: migrations, refusal of unknown/newer/corrupt files (left untouched), backups.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { openCore } from '../../../electron/core/index';
import { openDatabase } from '../../../electron/core/db/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../../../electron/core/db/migrate';
import { listBackupFiles } from '../../../electron/core/db/backup';
import { expectCode, sha256File, tempDir } from './helpers';

function schemaSnapshot(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db
        .prepare(
          `SELECT type || ' ' || name || ': ' || ifnull(sql, '') AS s FROM sqlite_schema ORDER BY type, name`,
        )
        .all() as { s: string }[]
    ).map((r) => r.s);
  } finally {
    db.close();
  }
}

function sqlite(file: string, fn: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  test('every migration applies on a fresh file, in order, and is recorded', () => {
    expect(MIGRATIONS.map((m) => m.id)).toContain('0001_init');
    const file = join(tempDir(), 'fresh.sqlite');
    const db = openDatabase(file);
    try {
      expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.id));
      const ids = db.raw.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
      expect(ids).toEqual(MIGRATIONS.map((m) => m.id));
      expect(db.raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const tables = db.raw
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
        .pluck()
        .all();
      expect(tables).toEqual(
        expect.arrayContaining([
          'annotations',
          'codes',
          'coders',
          'command_changes',
          'commands',
          'documents',
          'schema_migrations',
          'settings',
        ]),
      );
      // Second run: nothing left to do.
      expect(migrate(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  test('re-opening a project is idempotent: same schema, same data, WAL and foreign keys on', async () => {
    const file = join(tempDir(), 'p.pizhu');
    const first = openCore({ file, empty: true });
    expect(first.created).toBe(true);
    const info1 = (await first.dispatch('project-info', {})) as { schemaVersion: number };
    first.close();
    const before = schemaSnapshot(file);
    const second = openCore({ file });
    expect(second.created).toBe(false);
    const info2 = (await second.dispatch('project-info', {})) as { schemaVersion: number };
    expect(info2).toEqual(info1);
    expect(info2.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    second.close();
    expect(schemaSnapshot(file)).toEqual(before);

    const db = openDatabase(file);
    try {
      expect(db.raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
    } finally {
      db.close();
    }
  });

  test('a project recording a migration the app does not have is refused as corrupt and left unchanged', async () => {
    const file = join(tempDir(), 'p.pizhu');
    openCore({ file, empty: true }).close();
    sqlite(file, (db) => {
      db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(
        '0000_mystery',
        '2026-01-01T00:00:00.000Z',
      );
      db.pragma('journal_mode = DELETE');
    });
    const hash = sha256File(file);
    const listing = readdirSync(join(file, '..')).sort();
    const err = await expectCode(() => openCore({ file }), 'project-corrupt');
    expect(err.params).toMatchObject({ migration: '0000_mystery' });
    expect(sha256File(file)).toBe(hash);
    expect(readdirSync(join(file, '..')).sort()).toEqual(listing); // no backup, no WAL files
  });

  test('a project written by a newer Pizhu is refused with project-newer', async () => {
    const file = join(tempDir(), 'p.pizhu');
    openCore({ file, empty: true }).close();
    sqlite(file, (db) => {
      db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(
        '9999_future',
        '2030-01-01T00:00:00.000Z',
      );
    });
    const hash = sha256File(file);
    await expectCode(() => openCore({ file }), 'project-newer');
    expect(sha256File(file)).toBe(hash);
  });

  test('an SQLite file that is not a Pizhu project is refused', async () => {
    const file = join(tempDir(), 'other.sqlite');
    sqlite(file, (db) => db.exec('CREATE TABLE t (x)'));
    const hash = sha256File(file);
    await expectCode(() => openCore({ file }), 'project-corrupt');
    expect(sha256File(file)).toBe(hash);
  });
});

describe('corrupt files', () => {
  test('garbage bytes: project-corrupt, file untouched, nothing created beside it', async () => {
    const dir = tempDir();
    const file = join(dir, 'garbage.pizhu');
    const bytes = randomBytes(64 * 1024);
    writeFileSync(file, bytes);
    const err = await expectCode(() => openCore({ file, seedsDir: null }), 'project-corrupt');
    expect(err.message).toMatch(/not a readable SQLite database/);
    expect(Buffer.compare(readFileSync(file), bytes)).toBe(0);
    expect(readdirSync(dir)).toEqual(['garbage.pizhu']);
  });

  test('an empty (0-byte) file is refused, not silently initialised', async () => {
    const dir = tempDir();
    const file = join(dir, 'empty.pizhu');
    writeFileSync(file, '');
    await expectCode(() => openCore({ file }), 'project-corrupt');
    expect(readFileSync(file).length).toBe(0);
    expect(readdirSync(dir)).toEqual(['empty.pizhu']);
  });

  test('a damaged page in a real project: project-corrupt, file untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'p.pizhu');
    openCore({ file, seedsDir: join(import.meta.dirname, '../../../seeds') }).close();
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Overwrite the second page (the first b-tree page after the schema) with noise.
    randomBytes(pageSize).copy(bytes, pageSize);
    writeFileSync(file, bytes);
    const hash = sha256File(file);
    await expectCode(() => openCore({ file }), 'project-corrupt');
    expect(sha256File(file)).toBe(hash);
    expect(listBackupFiles(file)).toEqual([]);
  });
});

describe('backups', () => {
  test('an open after a change makes a backup; the newest 3 recent copies are kept', () => {
    const dir = tempDir();
    const file = join(dir, 'p.pizhu');
    const created = openCore({ file, empty: true });
    expect(listBackupFiles(file)).toEqual([]); // nothing to back up on creation
    created.close();

    // After each session a marker is written, so that each backup shows which state it copied.
    for (let session = 1; session <= 5; session++) {
      const core = openCore({ file });
      core.close();
      sqlite(file, (db) =>
        db.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('marker', ?)`).run(String(session)),
      );
    }
    const recent = listBackupFiles(file).filter((b) => b.kind === 'recent');
    expect(recent).toHaveLength(3);
    const marker = (path: string) => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare(`SELECT value FROM settings WHERE key = 'marker'`).pluck().get();
      } finally {
        db.close();
      }
    };
    // The newest was taken at the start of session 5, after session 4 wrote marker 4.
    expect(recent.map((b) => marker(b.path))).toEqual(['4', '3', '2']);
    const check = new Database(recent[0]!.path, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });
});
