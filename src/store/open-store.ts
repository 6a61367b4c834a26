import { mkdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { bothLanguages } from '../i18n/bilingual-error.js';
import { DatabaseOpenError, UnsupportedDatabaseError } from './database-errors.js';
import { migrate } from './sqlite/migrate.js';
import { seedOnce } from './sqlite/seed.js';
import { addAboutRecord } from './seed/about-record.js';
import { addSourcedFacts } from './seed/field-sources.js';
import { addUsualShortNames } from './seed/usual-short-names.js';
import { StoreBusyError, type CorridorStore } from './corridor-store.js';
import { BACKGROUND_WRITE_PATIENCE_MS, whenNotBusy } from './sqlite/busy-retry.js';
import { SqliteCorridorStore, type WritePatience } from './sqlite/sqlite-corridor-store.js';

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
export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<CorridorStore> {
  if (isPostgresUrl(databaseUrl)) {
    const { openPostgresStore } = await import('./postgres/open-postgres-store.js');
    return openPostgresStore(databaseUrl, options);
  }
  return openSqliteStore(databaseUrl);
}

/** Opens (creating, migrating and seeding as needed) the embedded store. */
export async function openSqliteStore(databaseUrl: string, patience?: WritePatience): Promise<SqliteCorridorStore> {
  const path = sqlitePathFromUrl(databaseUrl);
  const db = openDatabase(path);
  try {
    // Another process (a job, a backup) may hold the lock for a while; nobody waits on start-up.
    await whenNotBusy(() => db.pragma('journal_mode = WAL'), BACKGROUND_WRITE_PATIENCE_MS);
    checkIntact(db, path);
    await whenNotBusy(() => migrate(db), BACKGROUND_WRITE_PATIENCE_MS);
    const store = new SqliteCorridorStore(db, patience);
    await whenNotBusy(() => seedOnce(store), BACKGROUND_WRITE_PATIENCE_MS);
    await addUsualShortNames(store);
    await addSourcedFacts(store);
    await addAboutRecord(store);
    return store;
  } catch (error) {
    db.close();
    throw openingError(error, path);
  }
}

export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') checkIsFileOrAbsent(path);
  try {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const db = new Database(path);
    // No waiting inside SQLite: it would freeze the event loop, and everyone's answers with it.
    // Writes wait for another process's lock asynchronously instead (see busy-retry.ts).
    db.pragma('busy_timeout = 0');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    throw openingError(error, path);
  }
}

/** The kernel's own files: never a database, and not a place to create one. */
const SYSTEM_FOLDER = /^\/(proc|sys)(\/|$)/;

/**
 * SQLite would block forever opening a FIFO, and fail obscurely on a directory, a device or a
 * kernel file: anything but a regular file (or nothing yet) is refused before it is opened. So is
 * any path under /proc or /sys, even one not there: creating its folder would never end (the
 * kernel answers "no such folder" to mkdir there, and a recursive mkdir tries again for ever).
 */
function checkIsFileOrAbsent(path: string): void {
  const real = realLocation(resolve(path));
  const kind = SYSTEM_FOLDER.test(real) ? 'system' : existingKind(real);
  if (kind) throw new DatabaseOpenError(bothLanguages((words) => words.cli.errors.notAFile(path, words.cli.errors.fileKinds[kind])));
}

/** An absolute path with the part that exists resolved (links followed) and the rest as given. */
function realLocation(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realLocation(parent), basename(absolute));
  }
}

function existingKind(real: string): ReturnType<typeof fileKind> {
  try {
    return fileKind(statSync(real));
  } catch {
    return undefined; // Not there yet: SQLite creates it.
  }
}

function fileKind(stats: Stats): 'directory' | 'fifo' | 'socket' | 'device' | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  return stats.isSocket() ? 'socket' : 'device';
}

/** Damaged pages are found at start, not in the middle of someone's change. */
function checkIntact(db: Database.Database, path: string): void {
  const result: unknown = db.pragma('quick_check', { simple: true });
  if (result !== 'ok') throw damaged(path);
}

function openingError(error: unknown, path: string): Error {
  if (error instanceof DatabaseOpenError) return error;
  if (error instanceof StoreBusyError) return new DatabaseOpenError(bothLanguages((words) => words.cli.errors.databaseBusy(path)));
  if (error instanceof Database.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code)) return damaged(path);
  const reason = error instanceof Error ? error.message : String(error);
  return new DatabaseOpenError(bothLanguages((words) => words.cli.errors.cannotOpenDatabase(path, reason)));
}

function damaged(path: string): DatabaseOpenError {
  return new DatabaseOpenError(bothLanguages((words) => words.cli.errors.damagedDatabase(path)));
}
