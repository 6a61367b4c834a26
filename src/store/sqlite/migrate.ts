import type Database from 'better-sqlite3';
import { loadMigrations as loadMigrationFiles } from '../migration-files.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

export function loadMigrations() {
  return loadMigrationFiles(MIGRATIONS_DIR);
}

/**
 * Applies pending migrations, each in its own IMMEDIATE transaction so that two processes
 * opening the same file at once cannot both apply the same one.
 */
export function migrate(db: Database.Database, migrations = loadMigrations()): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      if (isApplied.get(migration.version)) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      applied.push(migration.version);
    });
    apply.immediate();
  }
  return applied;
}
