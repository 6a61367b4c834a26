import type { AckFn, Logger, RespondArguments, RespondFn } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { describeSlackError } from '../../slack-error.js';

export interface ModalOpenerArgs {
  ack: AckFn<string | RespondArguments>;
  respond: RespondFn;
  /** A client with a deadline shorter than the trigger's 3 s life and no retry. */
  modalClient: WebClient;
  triggerId: string;
  logger: Logger;
}

/**
 * Opens a command's modal after acknowledging the command, so a slow or failing views.open gives the
 * user a polite line instead of Slack's "/corridor failed". `acked` tells the listener not to ack again.
 */
export function modalOpener({ ack, respond, modalClient, triggerId, logger }: ModalOpenerArgs) {
  const state = { acked: false };
  const open = async (build: () => Promise<ModalView> | ModalView, failureText: string): Promise<void> => {
    await ack();
    state.acked = true;
    try {
      await modalClient.views.open({ trigger_id: triggerId, view: await build() });
    } catch (error) {
      logger.warn(`Could not open a modal: ${describeSlackError(error)}`);
      await respond({ response_type: 'ephemeral', text: failureText }).catch((respondError: unknown) =>
        logger.warn(`Could not tell the user the modal did not open: ${describeSlackError(respondError)}`),
      );
    }
  };
  return { state, open };
}
