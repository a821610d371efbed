/**
 * Thin wrapper over better-sqlite3: opens a project file with the pragmas every connection needs
 * and offers `transaction(fn)` and `dataVersion()` (the one key for caches of what was read).
 * Everything else talks to SQLite through `db.raw` with prepared statements; the wrapper only
 * caches them so that hot paths do not re-parse SQL.
 */
import Database from 'better-sqlite3';
import { registerSqlFunctions } from '../search/sql-functions';

export type RawDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /** Path of a better-sqlite3 build for another ABI (Electron's), see DESIGN.md "Toolchain". */
  nativeBinding?: string;
  /** Read-only connections are used to check a file before anything is written to it. */
  readonly?: boolean;
  /**
   * Journal mode for a read-write connection. Projects use WAL; a project being built in a
   * temporary file uses DELETE so that it is one self-contained file when it is renamed.
   */
  journalMode?: 'wal' | 'delete';
}

export interface Db {
  readonly raw: RawDatabase;
  readonly file: string;
  /** A cached prepared statement. */
  stmt(sql: string): Database.Statement;
  /** Runs `fn` in one IMMEDIATE transaction (writer lock taken up front: no upgrade deadlocks). */
  transaction<T>(fn: () => T): T;
  /**
   * A key that changes whenever the project's data may have changed, for caches of what was read:
   * the connection's `total_changes()` (every write on it, trigger writes and rolled-back ones
   * included) and SQLite's `data_version` (commits by other connections, e.g. the CLI). Null
   * inside a transaction: what is read there may still be rolled back, so it must not be cached.
   */
  dataVersion(): string | null;
  close(): void;
}

/** Milliseconds a writer waits for another connection (the CLI beside the app) before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const raw = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      raw.pragma(`journal_mode = ${options.journalMode ?? 'wal'}`);
      // FULL: a committed annotation survives a power cut, not only a crash (DESIGN.md "Data").
      raw.pragma('synchronous = FULL');
    }
    raw.pragma('foreign_keys = ON');
    // Before any migration or write: the search index's triggers call these (0003_search.sql).
    registerSqlFunctions(raw);
  } catch (err) {
    raw.close();
    throw err;
  }
  return wrap(raw, file);
}

/**
 * An in-memory database from a file image (a read-only project or a backup being looked at):
 * it can be migrated in memory, then `query_only` refuses every write with SQLITE_READONLY.
 */
export function openDatabaseFromImage(
  image: Buffer,
  file: string,
  options: Pick<OpenDatabaseOptions, 'nativeBinding'> = {},
): Db {
  const raw = new Database(image, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    raw.pragma('foreign_keys = ON');
    registerSqlFunctions(raw);
  } catch (err) {
    raw.close();
    throw err;
  }
  return wrap(raw, file);
}

function wrap(raw: RawDatabase, file: string): Db {
  const cache = new Map<string, Database.Statement>();
  let versionStmt: Database.Statement | undefined;
  return {
    raw,
    file,
    stmt(sql) {
      let s = cache.get(sql);
      if (!s) {
        s = raw.prepare(sql);
        cache.set(sql, s);
      }
      return s;
    },
    transaction<T>(fn: () => T): T {
      // Nested calls join the outer transaction (better-sqlite3 turns them into savepoints).
      return raw.transaction(fn).immediate();
    },
    dataVersion() {
      if (raw.inTransaction) return null;
      versionStmt ??= raw.prepare('SELECT total_changes(), data_version FROM pragma_data_version').raw(true);
      const [changes, version] = versionStmt.get() as [number, number];
      return `${changes}.${version}`;
    },
    close() {
      cache.clear();
      versionStmt = undefined;
      if (raw.open) raw.close();
    },
  };
}
