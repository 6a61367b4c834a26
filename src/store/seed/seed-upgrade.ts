import { draftOf } from '../../domain/draft.js';
import type { Draft, Partner } from '../../domain/types.js';
import { StoreBusyError, VersionConflictError, type CorridorStore } from '../corridor-store.js';
import { seedPartners } from './communique-2025-04-17.js';

/** A fact the seed gained after some databases were seeded with it. */
export interface PartnerSeedUpgrade {
  /** Who the history names as the change's author; starts with `seed:`. */
  actor: string;
  /** The seeded values a stored partner lacks, or undefined when it lacks none (or the seed has none). */
  missing(stored: Partner, seeded: Draft<Partner>): Partial<Draft<Partner>> | undefined;
}

/**
 * Gives the seeded partners of an older database what the seed has since gained, once: only to a
 * partner nobody has changed since seeding (its last author is the seed or one of these upgrades),
 * so no one's edit is overwritten. A new database has it from its seed; a second run finds nothing to do.
 */
export async function upgradeSeededPartners(store: Pick<CorridorStore, 'partners'>, upgrade: PartnerSeedUpgrade, now = new Date()): Promise<number> {
  let upgraded = 0;
  for (const seeded of seedPartners) {
    const stored = await store.partners.get(seeded.id);
    if (!stored || !stored.updatedBy?.startsWith('seed:')) continue;
    const missing = upgrade.missing(stored, seeded);
    if (!missing) continue;
    try {
      await store.partners.save({ ...draftOf(stored), ...missing }, { actor: upgrade.actor, now, expectedVersion: stored.version });
      upgraded++;
    } catch (error) {
      // Changed meanwhile (by a coordinator, or another process doing this): theirs stands. A
      // database busy with someone else's write must not stop the start: the next start tries again.
      if (!(error instanceof VersionConflictError) && !(error instanceof StoreBusyError)) throw error;
    }
  }
  return upgraded;
}
