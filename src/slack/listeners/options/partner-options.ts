import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { normalize } from '../../../domain/text.js';
import type { SlackDeps } from '../../deps.js';
import { blockSuggestionPayload } from '../../payloads.js';
import { MODAL_LIMITS, option } from '../../views/modals/inputs.js';
import { partnerChoices } from '../../views/modals/partner-choices.js';

/**
 * Options of the partner picker once there are more partners than a static menu holds (100):
 * the partners whose name or acronym contains what the user typed, at most 100.
 */
export function partnerOptions(deps: SlackDeps) {
  return async ({ ack, body }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    const payload = blockSuggestionPayload.safeParse(body);
    if (!payload.success) {
      await ack({ options: [] });
      return;
    }
    const typed = normalize(payload.data.value);
    const matches = partnerChoices(await deps.store.partners.list()).filter((choice) => normalize(choice.text).includes(typed));
    await ack({ options: matches.slice(0, MODAL_LIMITS.staticOptions).map(option) });
  };
}
