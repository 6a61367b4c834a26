import type { CorridorStore } from '../corridor-store.js';
import { upgradeSeededPartners } from './seed-upgrade.js';

/** Who gave a database seeded before short names existed its partners' usual short names. */
export const SHORT_NAMES_ACTOR = 'seed:usual-short-names';

/** Gives the seeded partners of an older database their usual short names (UVM, ACCD…), once (see upgradeSeededPartners). */
export function addUsualShortNames(store: Pick<CorridorStore, 'partners'>, now = new Date()): Promise<number> {
  return upgradeSeededPartners(
    store,
    {
      actor: SHORT_NAMES_ACTOR,
      missing: (stored, seeded) => (seeded.aliases.length > 0 && stored.aliases.length === 0 ? { aliases: seeded.aliases } : undefined),
    },
    now,
  );
}
