import type { Draft } from '../../domain/types.js';
import type { StoredRecord } from '../record-row.js';
import type { WriteContext } from '../corridor-store.js';
import { SEED_NAME, seedActions, seedEvents, seedPartners, seedPeople, seedProfile } from './communique-2025-04-17.js';

export const SEED_ACTOR = 'seed:communique-2025-04-17';
export { SEED_NAME, seedProfile };

export type SeededCollection = 'partners' | 'people' | 'events' | 'actions' | 'about';

/**
 * What seeding writes, in order, for either database: each record is created only when missing,
 * so seeding never overwrites an edit, and a record removed later is not brought back.
 */
export const seedRecordSets: ReadonlyArray<{ collection: SeededCollection; drafts: ReadonlyArray<Draft<StoredRecord>> }> = [
  { collection: 'partners', drafts: seedPartners },
  { collection: 'people', drafts: seedPeople },
  { collection: 'events', drafts: seedEvents },
  { collection: 'actions', drafts: seedActions },
  // The about card, the four tracks with it: a database seeded before it existed gets it at start (about-record.ts).
  { collection: 'about', drafts: [seedProfile] },
];

export function seedWrite(now: Date): WriteContext {
  return { actor: SEED_ACTOR, now };
}
