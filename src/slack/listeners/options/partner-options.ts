import { normalize } from '../../../domain/text.js';
import type { SlackDeps } from '../../deps.js';
import { partnerChoices } from '../../views/modals/partner-choices.js';
import { recordOptions } from './record-options.js';

/** The partners whose name, acronym or a usual short name contains what the user typed. */
export function partnerOptions(deps: SlackDeps) {
  return recordOptions(async (typed) => {
    const partners = await deps.store.partners.list();
    const byShortName = new Set(partners.filter((partner) => partner.aliases.some((alias) => normalize(alias).includes(typed))).map((partner) => partner.id));
    return partnerChoices(partners).filter((choice) => normalize(choice.text).includes(typed) || byShortName.has(choice.value));
  });
}
