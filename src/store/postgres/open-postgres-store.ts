import pg from 'pg';
import { checkServerVersion, openError } from './open-errors.js';
import { migratePostgres } from './pg-migrate.js';
import { seedPostgresOnce } from './pg-seed.js';
import { addAboutRecord } from '../seed/about-record.js';
import { addSourcedFacts } from '../seed/field-sources.js';
import { addUsualShortNames } from '../seed/usual-short-names.js';
import { poolConfig, urlParts, withPreferFallback } from './pool-config.js';
import { PostgresCorridorStore } from './postgres-corridor-store.js';

export interface PostgresStoreOptions {
  /** The pool's size (DATABASE_POOL_MAX); 10 when not given. */
  poolMax?: number;
}

/**
 * Connects to the server DATABASE_URL names, checks it, applies pending migrations and seeds an
 * empty database. Any failure becomes one DatabaseOpenError line, without the password.
 */
export async function openPostgresStore(databaseUrl: string, options: PostgresStoreOptions = {}): Promise<PostgresCorridorStore> {
  const url = urlParts(databaseUrl);
  let pool: pg.Pool | undefined;
  try {
    pool = new pg.Pool(poolConfig(await withPreferFallback(databaseUrl), options.poolMax));
    // An idle connection the server dropped (a restart, a failover) must not crash the process:
    // the pool discards it and the next query opens a new one.
    pool.on('error', () => undefined);
    await checkServer(pool);
    const store = new PostgresCorridorStore(pool);
    await migratePostgres(store.database);
    await seedPostgresOnce(store);
    await addUsualShortNames(store);
    await addSourcedFacts(store);
    await addAboutRecord(store);
    return store;
  } catch (error) {
    await pool?.end().catch(() => undefined);
    throw openError(error, url);
  }
}

async function checkServer(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ num: string; version: string }>(
    "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version",
  );
  checkServerVersion(Number(rows[0]?.num), rows[0]?.version ?? 'unknown');
}
