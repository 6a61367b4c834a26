import type { Partner } from '../../../domain/types.js';
import type { OptionChoice } from './inputs.js';

/** Partners a picker offers: those not removed (plus any already chosen), by name. */
export function partnerChoices(partners: readonly Partner[], chosen: readonly string[] = []): OptionChoice[] {
  return partners
    .filter((partner) => partner.removedAt === null || chosen.includes(partner.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((partner) => ({ value: partner.id, text: partner.acronym && partner.acronym !== partner.name ? `${partner.name} (${partner.acronym})` : partner.name }));
}
