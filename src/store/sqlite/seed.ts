import type { StoredRecord } from '../record-row.js';
import { SEED_NAME, seedRecordSets, seedWrite } from '../seed/seed-plan.js';
import type { RecordTable } from './record-table.js';
import type { SqliteCorridorStore } from './sqlite-corridor-store.js';

export { SEED_ACTOR } from '../seed/seed-plan.js';

/**
 * Loads the founding facts once (see seedRecordSets), inside the file's write lock: another
 * process may have seeded a moment ago.
 */
export function seedOnce(store: SqliteCorridorStore, now = new Date()): boolean {
  const db = store.db;
  const write = seedWrite(now);
  const seed = db.transaction(() => {
    if (db.prepare('SELECT 1 FROM seeds WHERE name = ?').get(SEED_NAME)) return false;
    for (const { collection, drafts } of seedRecordSets) {
      const table = store[collection] as unknown as RecordTable<StoredRecord>;
      for (const draft of drafts) table.insertIfMissing(draft, write);
    }
    db.prepare('INSERT INTO seeds (name, applied_at) VALUES (?, ?)').run(SEED_NAME, now.toISOString());
    return true;
  });
  return seed.immediate();
}
