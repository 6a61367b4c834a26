import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { partnerStatus } from '../../../domain/types.js';
import { catalogue } from '../../../i18n/index.js';
import { askerOf } from '../../asker.js';
import type { SlackDeps } from '../../deps.js';
import { blockActionsPayload } from '../../payloads.js';
import { decodeMetadata } from '../../views/modals/metadata.js';
import { partnerModal } from '../../views/modals/partner-modal.js';

/**
 * The adhesion status was switched in an open partner modal: redraw it (views.update) with the date
 * label and next-step fields for that status. Slack keeps what was typed in the inputs that stay;
 * the form keeps the version it was opened on, and the view's hash guards against a stale redraw.
 */
export function partnerStatusSwitchClicked(deps: SlackDeps) {
  return async ({ ack, body, client, logger }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const payload = blockActionsPayload.safeParse(body);
    const view = payload.success ? payload.data.view : undefined;
    const meta = decodeMetadata(view?.private_metadata);
    const status = partnerStatus.safeParse(payload.data?.actions[0]?.selected_option?.value);
    if (!view || !meta || !status.success) {
      logger.warn('Ignoring a malformed status switch in the partner modal');
      return;
    }
    // The form carries the partner's internal note: it is redrawn only for a coordinator, from inside.
    if (!(await askerOf(body.user.id, deps)).isAdmin) {
      logger.warn('Ignoring a status switch in the partner modal by someone who may not change partners');
      return;
    }
    const partner = meta.id ? await deps.store.partners.get(meta.id) : undefined;
    const redrawn = partnerModal({ partner, lang: meta.lang, t: catalogue(meta.lang), status: status.data, version: meta.version });
    try {
      await client.views.update({ view_id: view.id, ...(view.hash ? { hash: view.hash } : {}), view: redrawn });
    } catch (error) {
      // hash_conflict: the modal changed meanwhile (another switch); the later redraw wins.
      logger.warn('Redrawing the partner modal failed:', error);
    }
  };
}
