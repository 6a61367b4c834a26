import type Database from 'better-sqlite3';
import type { WriteContext } from '../repository.js';
import {
  SEED_NAME,
  seedActions,
  seedEvents,
  seedPartners,
  seedPeople,
  seedProfile,
  seedTracks,
} from '../seed/communique-2025-04-17.js';
import type { SqliteCorridorStore } from './sqlite-corridor-store.js';

export const SEED_ACTOR = 'seed:communique-2025-04-17';

/**
 * Loads the founding facts once. A record that already exists is left as it is, so seeding
 * never overwrites an edit, and a record removed later is not brought back.
 */
export async function seedOnce(store: SqliteCorridorStore, now = new Date()): Promise<boolean> {
  const db = store.db;
  if (db.prepare('SELECT 1 FROM seeds WHERE name = ?').get(SEED_NAME)) return false;
  const write: WriteContext = { actor: SEED_ACTOR, now };
  db.exec('BEGIN IMMEDIATE');
  try {
    // Another process may have seeded between the check and the lock.
    if (db.prepare('SELECT 1 FROM seeds WHERE name = ?').get(SEED_NAME)) {
      db.exec('ROLLBACK');
      return false;
    }
    await insertMissing(store.partners, seedPartners, write);
    await insertMissing(store.people, seedPeople, write);
    await insertMissing(store.events, seedEvents, write);
    await insertMissing(store.actions, seedActions, write);
    insertStatic(db);
    db.prepare('INSERT INTO seeds (name, applied_at) VALUES (?, ?)').run(SEED_NAME, now.toISOString());
    db.exec('COMMIT');
    return true;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

interface Collection<D extends { id: string }> {
  get(id: string): Promise<unknown>;
  save(draft: D, write: WriteContext): Promise<unknown>;
}

async function insertMissing<D extends { id: string }>(collection: Collection<D>, drafts: D[], write: WriteContext) {
  for (const draft of drafts) {
    if (!(await collection.get(draft.id))) await collection.save(draft, write);
  }
}

function insertStatic(db: Database.Database): void {
  const insertTrack = db.prepare('INSERT OR IGNORE INTO tracks (id, position, body) VALUES (?, ?, ?)');
  for (const track of seedTracks) insertTrack.run(track.id, track.position, JSON.stringify(track));
  db.prepare('INSERT OR IGNORE INTO profile (id, body) VALUES (1, ?)').run(JSON.stringify(seedProfile));
}
