import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { normalize } from '../../../domain/text.js';
import type { SlackDeps } from '../../deps.js';
import { blockSuggestionPayload } from '../../payloads.js';
import { MODAL_LIMITS, option } from '../../views/modals/inputs.js';
import { partnerChoices } from '../../views/modals/partner-choices.js';

/**
 * Options of the partner picker once there are more partners than a static menu holds (100):
 * the partners whose name, acronym or a usual short name contains what the user typed, at most 100.
 */
export function partnerOptions(deps: SlackDeps) {
  return async ({ ack, body }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    const payload = blockSuggestionPayload.safeParse(body);
    if (!payload.success) {
      await ack({ options: [] });
      return;
    }
    const typed = normalize(payload.data.value);
    const partners = await deps.store.partners.list();
    const byShortName = new Set(partners.filter((partner) => partner.aliases.some((alias) => normalize(alias).includes(typed))).map((partner) => partner.id));
    const matches = partnerChoices(partners).filter((choice) => normalize(choice.text).includes(typed) || byShortName.has(choice.value));
    await ack({ options: matches.slice(0, MODAL_LIMITS.staticOptions).map(option) });
  };
}
