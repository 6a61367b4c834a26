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
export function seedOnce(store: SqliteCorridorStore, now = new Date()): boolean {
  const db = store.db;
  const write: WriteContext = { actor: SEED_ACTOR, now };
  const seed = db.transaction(() => {
    // Checked inside the write lock: another process may have seeded a moment ago.
    if (db.prepare('SELECT 1 FROM seeds WHERE name = ?').get(SEED_NAME)) return false;
    for (const draft of seedPartners) store.partners.insertIfMissing(draft, write);
    for (const draft of seedPeople) store.people.insertIfMissing(draft, write);
    for (const draft of seedEvents) store.events.insertIfMissing(draft, write);
    for (const draft of seedActions) store.actions.insertIfMissing(draft, write);
    insertStatic(db);
    db.prepare('INSERT INTO seeds (name, applied_at) VALUES (?, ?)').run(SEED_NAME, now.toISOString());
    return true;
  });
  return seed.immediate();
}

function insertStatic(db: Database.Database): void {
  const insertTrack = db.prepare('INSERT OR IGNORE INTO tracks (id, position, body) VALUES (?, ?, ?)');
  for (const track of seedTracks) insertTrack.run(track.id, track.position, JSON.stringify(track));
  db.prepare('INSERT OR IGNORE INTO profile (id, body) VALUES (1, ?)').run(JSON.stringify(seedProfile));
}
