import type { Partner } from '../../../domain/types.js';
import type { OptionChoice } from './inputs.js';

/** Partners a picker offers: those not removed, by name. */
export function partnerChoices(partners: readonly Partner[]): OptionChoice[] {
  return partners
    .filter((partner) => partner.removedAt === null)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((partner) => ({ value: partner.id, text: partner.acronym && partner.acronym !== partner.name ? `${partner.name} (${partner.acronym})` : partner.name }));
}
