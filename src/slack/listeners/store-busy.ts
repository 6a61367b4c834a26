import { catalogue, type Lang } from '../../i18n/index.js';
import { StoreBusyError } from '../../store/corridor-store.js';
import type { SlackDeps } from '../deps.js';
import { blockActionsPayload } from '../payloads.js';
import { decodeMetadata } from '../views/modals/metadata.js';
import { notSavedForm } from '../views/modals/not-saved-form.js';
import { noticeModal } from '../views/modals/outcome-modals.js';
import type { ClickArgs } from './clicks/click.js';
import type { SubmissionArgs } from './submissions/submission.js';

/**
 * A form whose save failed before it was answered. Busy (StoreBusyError: nothing was written) says
 * try again; any other failure (the database gone, a value it refuses) says the form was not saved.
 * Either way the form is drawn again with the notice at its top and everything the user typed
 * (notSavedForm): a field error would read as that field being wrong, and a form never closes as
 * if saved.
 */
export function formNotSaved(deps: SlackDeps) {
  return async (args: SubmissionArgs, error: unknown): Promise<void> => {
    const { view, body } = args;
    const lang = decodeMetadata(view.private_metadata)?.lang ?? (await deps.userLanguages.of(body.user.id).catch(() => 'en' as const));
    const t = catalogue(lang);
    const busy = error instanceof StoreBusyError;
    // A form without inputs (the conflict notice) has nothing typed to keep: a notice in its place.
    if (!view.blocks.some((block) => block.type === 'input')) {
      const [title, text] = busy ? [t.common.storeBusyTitle, t.common.storeBusy] : [t.notSaved.title, t.notSaved.text];
      await args.ack({ response_action: 'update', view: noticeModal(title, text, t) });
      return;
    }
    await args.ack({ response_action: 'update', view: notSavedForm(view, busy ? t.notSaved.busy : t.notSaved.text) });
  };
}

/** A click that found the database busy (already acknowledged): one polite line to the clicker. */
export function busyClick(deps: SlackDeps) {
  return async (args: ClickArgs): Promise<void> => {
    const payload = blockActionsPayload.safeParse(args.body);
    if (!payload.success) return;
    const { user, response_url: responseUrl, channel, trigger_id: triggerId } = payload.data;
    const lang: Lang = await deps.userLanguages.of(user.id);
    const t = catalogue(lang);
    if (responseUrl) {
      await args.respond({ response_type: 'ephemeral', replace_original: false, text: t.common.storeBusy });
    } else if (channel) {
      await args.client.chat.postEphemeral({ channel: channel.id, user: user.id, text: t.common.storeBusy });
    } else if (triggerId) {
      // The Home tab has no ephemeral messages: a small notice instead.
      await args.client.views.open({ trigger_id: triggerId, view: noticeModal(t.common.storeBusyTitle, t.common.storeBusy, t) });
    }
  };
}
