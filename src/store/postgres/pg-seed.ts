import type { StoredRecord } from '../record-row.js';
import { SEED_NAME, seedRecordSets, seedWrite } from '../seed/seed-plan.js';
import { holdSetupLock, SEED_LOCK } from './pg-migrate.js';
import type { PgRecordTable } from './pg-record-table.js';
import type { PostgresCorridorStore } from './postgres-corridor-store.js';

/**
 * Loads the founding facts once (see seedRecordSets). The seeds table is checked under an
 * advisory lock, so of several processes opening an empty database at once one seeds, and the
 * others find it done.
 */
export async function seedPostgresOnce(store: PostgresCorridorStore, now = new Date()): Promise<boolean> {
  const write = seedWrite(now);
  return store.database.transaction(async (client) => {
    await holdSetupLock(client, SEED_LOCK);
    const { rowCount } = await client.query('SELECT 1 FROM seeds WHERE name = $1', [SEED_NAME]);
    if (rowCount) return false;
    for (const { collection, drafts } of seedRecordSets) {
      const table = store[collection] as unknown as PgRecordTable<StoredRecord>;
      for (const draft of drafts) await table.insertIfMissing(client, draft, write);
    }
    await client.query('INSERT INTO seeds (name, applied_at) VALUES ($1, $2)', [SEED_NAME, now]);
    return true;
  });
}
