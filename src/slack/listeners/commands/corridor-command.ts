import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { catalogue } from '../../../i18n/index.js';
import { StoreBusyError } from '../../../store/corridor-store.js';
import { knownViewerOf, viewerOf } from '../../asker.js';
import { KeptRoutes } from '../../commands/answer-cache.js';
import { runCorridorCommand } from '../../commands/dispatch.js';
import { slashCommandPayload } from '../../payloads.js';
import { modalOpener } from './modal-opener.js';
import type { SlackDeps } from '../../deps.js';

/** `/corridor …`: parse, answer ephemerally in the ack (Slack shows it within its 3 s window). */
export function corridorCommandListener(deps: SlackDeps) {
  const keptRoutes = new KeptRoutes();
  return async ({ command, ack, respond, client, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const payload = slashCommandPayload.safeParse(command);
    if (!payload.success) {
      logger.warn(`Ignoring a malformed slash command payload: ${payload.error.issues[0]?.message}`);
      await ack({ response_type: 'ephemeral', text: catalogue('en').common.internalError });
      return;
    }
    const { text, user_id: userId, channel_id: channelId, trigger_id: triggerId } = payload.data;
    // One cached users.info gives both the language and the organisation.
    const { lang, audience } = knownViewerOf(userId, deps) ?? (await viewerOf(userId, deps));
    const modal = modalOpener({ ack, respond, modalClient: deps.modalClient, triggerId, logger });
    try {
      const reply = await runCorridorCommand({
        text,
        userId,
        lang,
        audience,
        store: deps.store,
        timeZone: deps.config.CORRIDOR_TZ,
        admins: deps.config.CORRIDOR_ADMINS,
        now: deps.clock?.(),
        slack: {
          client,
          triggerId,
          channelId,
          openModal: modal.open,
          logger,
          respondLater: (later) =>
            respond({ response_type: 'ephemeral', replace_original: false, text: later.text, blocks: later.blocks }).then(
              () => undefined,
              (error: unknown) => logger.warn(`Could not answer /corridor ${text.slice(0, 80)} through its response_url: ${error instanceof Error ? error.message : String(error)}`),
            ),
        },
        notion: deps.notion,
        calendar: deps.config,
        keptRoutes,
      });
      if (!modal.state.acked) await ack(reply ? { response_type: 'ephemeral', text: reply.text, blocks: reply.blocks } : undefined);
    } catch (error) {
      if (error instanceof StoreBusyError) {
        logger.warn(`/corridor ${text.slice(0, 80)}: ${error.message}`);
        await ack({ response_type: 'ephemeral', text: catalogue(lang).common.storeBusy });
        return;
      }
      logger.error(`/corridor ${text.slice(0, 80)} failed:`, error);
      const apology = { response_type: 'ephemeral' as const, text: catalogue(lang).common.internalError };
      await (modal.state.acked ? respond(apology) : ack(apology));
    }
  };
}
