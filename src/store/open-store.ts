import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './sqlite/migrate.js';
import { seedOnce } from './sqlite/seed.js';
import { SqliteCorridorStore } from './sqlite/sqlite-corridor-store.js';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/corridor.sqlite';

export class UnsupportedDatabaseError extends Error {}

/** The database file named by DATABASE_URL cannot be created or opened (a missing right, a directory…). */
export class DatabaseOpenError extends Error {}

/** `sqlite:<path>`, `file:<path>`, a bare path, or `sqlite::memory:`. */
export function sqlitePathFromUrl(databaseUrl: string): string {
  const match = /^(?:sqlite|file):(?:\/\/)?(.*)$/.exec(databaseUrl);
  if (match) {
    if (!match[1]) throw new UnsupportedDatabaseError('DATABASE_URL names no file: expected e.g. sqlite:./data/corridor.sqlite');
    return match[1];
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(databaseUrl)) {
    throw new UnsupportedDatabaseError(
      `DATABASE_URL uses an unsupported database (${databaseUrl.split(':')[0]}); expected sqlite:<path to a file>`,
    );
  }
  return databaseUrl;
}

/** Opens (creating, migrating and seeding as needed) the embedded store. */
export async function openStore(databaseUrl = DEFAULT_DATABASE_URL): Promise<SqliteCorridorStore> {
  const db = openDatabase(sqlitePathFromUrl(databaseUrl));
  migrate(db);
  const store = new SqliteCorridorStore(db);
  seedOnce(store);
  return store;
}

export function openDatabase(path: string): Database.Database {
  try {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const db = new Database(path);
    // Two processes on one file wait for each other instead of failing at once.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    throw new DatabaseOpenError(`DATABASE_URL: cannot open ${path} (${error instanceof Error ? error.message : String(error)})`);
  }
}
