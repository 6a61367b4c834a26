import { draftOf } from '../../domain/draft.js';
import { StoreBusyError, VersionConflictError, type CorridorStore } from '../corridor-store.js';
import { seedPartners } from './communique-2025-04-17.js';
import { SEED_ACTOR } from './seed-plan.js';

/** Who gave a database seeded before short names existed its partners' usual short names. */
export const SHORT_NAMES_ACTOR = 'seed:usual-short-names';

/**
 * Gives the seeded partners of an older database their usual short names (UVM, ACCD…), once:
 * only to a partner nobody has changed since seeding, so no one's edit is overwritten. A new
 * database has them from its seed already; a second run finds nothing left to do.
 */
export async function addUsualShortNames(store: Pick<CorridorStore, 'partners'>, now = new Date()): Promise<number> {
  let added = 0;
  for (const seeded of seedPartners.filter((partner) => partner.aliases.length > 0)) {
    const stored = await store.partners.get(seeded.id);
    if (!stored || stored.updatedBy !== SEED_ACTOR || stored.aliases.length > 0) continue;
    try {
      const write = { actor: SHORT_NAMES_ACTOR, now, expectedVersion: stored.version };
      await store.partners.save({ ...draftOf(stored), aliases: seeded.aliases }, write);
      added++;
    } catch (error) {
      // Changed meanwhile (by a coordinator, or another process doing this): theirs stands. A
      // database busy with someone else's write must not stop the start: the next start tries again.
      if (!(error instanceof VersionConflictError) && !(error instanceof StoreBusyError)) throw error;
    }
  }
  return added;
}
