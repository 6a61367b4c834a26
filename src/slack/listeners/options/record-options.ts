import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { normalize } from '../../../domain/text.js';
import { blockSuggestionPayload } from '../../payloads.js';
import { MODAL_LIMITS, option, type OptionChoice } from '../../views/modals/inputs.js';

/**
 * Options of a record picker once there are more records than a static menu holds (100): the
 * choices `matching` finds for what the user typed (normalised), at most 100.
 */
export function recordOptions(matching: (typed: string) => Promise<OptionChoice[]>) {
  return async ({ ack, body }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    const payload = blockSuggestionPayload.safeParse(body);
    if (!payload.success) {
      await ack({ options: [] });
      return;
    }
    const matches = await matching(normalize(payload.data.value));
    await ack({ options: matches.slice(0, MODAL_LIMITS.staticOptions).map(option) });
  };
}
