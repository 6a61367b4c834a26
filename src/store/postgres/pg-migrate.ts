import type { PoolClient } from 'pg';
import { loadMigrations, type Migration } from '../migration-files.js';
import type { PgDatabase } from './pg-database.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/** Advisory lock keys (any constant bigint): one for migrating, one for seeding. */
export const MIGRATION_LOCK = 4_172_025_001;
export const SEED_LOCK = 4_172_025_002;

/** Longest a process waits for another one's migrations or seeding before giving up. */
const SETUP_LOCK_TIMEOUT = '30s';

export function postgresMigrations(): Migration[] {
  return loadMigrations(MIGRATIONS_DIR);
}

/** The version every migration brings the schema to. */
export const LATEST_MIGRATION = Math.max(...postgresMigrations().map((m) => m.version));

/**
 * Applies pending migrations in one transaction under an advisory lock: whichever process gets
 * there first migrates, the others wait on the lock, then find them recorded in schema_migrations.
 */
export async function migratePostgres(db: PgDatabase, migrations = postgresMigrations()): Promise<number[]> {
  return db.transaction(async (client) => {
    await holdSetupLock(client, MIGRATION_LOCK);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.version))) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/** Takes a transaction-scoped advisory lock, waiting longer than ordinary writes do. */
export async function holdSetupLock(client: PoolClient, key: number): Promise<void> {
  await client.query(`SET LOCAL lock_timeout = '${SETUP_LOCK_TIMEOUT}'`);
  await client.query('SELECT pg_advisory_xact_lock($1)', [key]);
}
