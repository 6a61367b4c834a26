import type { Draft, Partner } from '../../domain/types.js';
import type { CorridorStore } from '../corridor-store.js';
import { upgradeSeededPartners } from './seed-upgrade.js';

/** Who gave a database seeded before sourced facts existed the values the release implies or public knowledge gives. */
export const FIELD_SOURCES_ACTOR = 'seed:field-sources';

/**
 * Gives the seeded partners of an older database the values the seed now carries with their sources
 * (Université de Sherbrooke, C2MI and Distriq in Québec), once, where those fields are still empty.
 */
export function addSourcedFacts(store: Pick<CorridorStore, 'partners'>, now = new Date()): Promise<number> {
  return upgradeSeededPartners(store, { actor: FIELD_SOURCES_ACTOR, missing: sourcedValues }, now);
}

function sourcedValues(stored: Partner, seeded: Draft<Partner>): Partial<Draft<Partner>> | undefined {
  const sources = seeded.sources ?? [];
  if (sources.length === 0 || stored.sources?.length || sources.some(({ field }) => stored[field] !== null)) return undefined;
  return { ...Object.fromEntries(sources.map(({ field }) => [field, seeded[field]])), sources };
}
