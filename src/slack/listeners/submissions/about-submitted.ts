import { parseAboutForm } from '../../../domain/forms/about-form.js';
import { ABOUT_ID } from '../../../domain/types.js';
import type { SlackDeps } from '../../deps.js';
import { saveRecordForm } from './record-form.js';
import { readAdminSubmission, type SubmissionArgs } from './submission.js';

/** About form submitted: validate, save the card over the version shown (or refuse), as the record forms do. */
export function aboutSubmitted(deps: SlackDeps) {
  return async (args: SubmissionArgs): Promise<void> => {
    const submission = await readAdminSubmission(args, deps, 'about');
    if (!submission) return;
    const { t, values } = submission;
    const { store } = deps;
    const existing = await store.about.get(ABOUT_ID);
    await saveRecordForm(args.ack, { ...submission, meta: { ...submission.meta, id: ABOUT_ID } }, store, {
      entity: 'about',
      records: store.about,
      existing,
      parse: () => parseAboutForm(values, existing!),
      draft: (value) => value,
      name: () => t.aboutEdit.cardName,
      said: () => ({ added: t.aboutEdit.saved, updated: t.aboutEdit.saved }),
    });
  };
}
