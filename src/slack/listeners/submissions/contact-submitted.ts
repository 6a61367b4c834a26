import { parseContactForm, type ContactFormProblem, CONTACT_FORM } from '../../../domain/forms/contact-form.js';
import type { Catalogue } from '../../../i18n/index.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { answerThroughResponseUrl } from '../../response-url.js';
import { readAdminSubmission, type SubmissionArgs } from './submission.js';

/**
 * The contact-log form submitted by a coordinator: the entry is saved once (a submission Slack
 * delivers twice finds the entry its first delivery made), or the problems are shown under their fields.
 */
export function contactSubmitted(deps: SlackDeps) {
  return async (args: SubmissionArgs): Promise<void> => {
    const submission = await readAdminSubmission(args, deps, 'contact-log');
    if (!submission) return;
    const { t, values, userId, today, now, viewId, meta } = submission;
    const partners = await deps.store.partners.list();
    const parsed = parseContactForm(values, { partners, author: userId, today, unique: viewId.toLowerCase() });
    if (!parsed.ok) {
      await args.ack({ response_action: 'errors', errors: errorTexts(parsed.errors, t) });
      return;
    }
    await deps.store.contacts.save(parsed.draft, { actor: userId, now, formId: viewId });
    await args.ack();
    const partner = partners.find((candidate) => candidate.id === parsed.draft.partnerId)!;
    const text = t.contactLog.saved(escapeMrkdwn(partner.name));
    try {
      if (meta.responseUrl) await answerThroughResponseUrl(meta.responseUrl, { text });
      else if (meta.channelId) await args.client.chat.postEphemeral({ channel: meta.channelId, user: userId, text });
    } catch (error) {
      args.logger.warn(`Could not confirm the contact logged to ${userId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

function errorTexts(errors: Partial<Record<keyof typeof CONTACT_FORM, ContactFormProblem>>, t: Catalogue): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, problem]) => [CONTACT_FORM[field as keyof typeof CONTACT_FORM], t.contactLog.form.errors[problem!]]));
}
