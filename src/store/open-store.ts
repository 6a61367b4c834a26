import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BilingualError, bothLanguages } from '../i18n/bilingual-error.js';
import { migrate } from './sqlite/migrate.js';
import { seedOnce } from './sqlite/seed.js';
import type { CorridorStore } from './repository.js';
import { SqliteCorridorStore } from './sqlite/sqlite-corridor-store.js';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/corridor.sqlite';

export class UnsupportedDatabaseError extends BilingualError {}

/** The database file named by DATABASE_URL cannot be created or opened (a missing right, a directory…). */
export class DatabaseOpenError extends BilingualError {}

/** `sqlite:<path>`, `file:<path>`, a bare path, or `sqlite::memory:`. */
export function sqlitePathFromUrl(databaseUrl: string): string {
  const match = /^(?:sqlite|file):(?:\/\/)?(.*)$/.exec(databaseUrl);
  if (match) {
    if (!match[1]) throw new UnsupportedDatabaseError(bothLanguages((words) => words.cli.errors.noDatabaseFile));
    return match[1];
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(databaseUrl)) {
    const scheme = databaseUrl.split(':')[0] ?? '';
    throw new UnsupportedDatabaseError(bothLanguages((words) => words.cli.errors.unsupportedDatabase(scheme)));
  }
  return databaseUrl;
}

export interface OpenStoreOptions {
  /** PostgreSQL: the pool's size (DATABASE_POOL_MAX). */
  poolMax?: number;
}

/** Whether DATABASE_URL names a PostgreSQL server. */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(databaseUrl);
}

/**
 * Opens the store DATABASE_URL names, creating, migrating and seeding it as needed: PostgreSQL
 * for postgres:// and postgresql:// URLs, the embedded SQLite file otherwise.
 */
export async function openStore(databaseUrl = DEFAULT_DATABASE_URL, options: OpenStoreOptions = {}): Promise<CorridorStore> {
  if (isPostgresUrl(databaseUrl)) {
    const { openPostgresStore } = await import('./postgres/open-postgres-store.js');
    return openPostgresStore(databaseUrl, options);
  }
  return openSqliteStore(databaseUrl);
}

/** Opens (creating, migrating and seeding as needed) the embedded store. */
export async function openSqliteStore(databaseUrl = DEFAULT_DATABASE_URL): Promise<SqliteCorridorStore> {
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
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseOpenError(bothLanguages((words) => words.cli.errors.cannotOpenDatabase(path, reason)));
  }
}
