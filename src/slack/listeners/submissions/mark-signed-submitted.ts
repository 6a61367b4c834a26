import { markSigned } from '../../../domain/adhesion.js';
import type { FieldValue } from '../../../domain/forms/state.js';
import { checkSigningDate, type SigningDateProblem } from '../../../domain/signing-date.js';
import type { Partner } from '../../../domain/types.js';
import { formatDate } from '../../../i18n/format.js';
import { catalogue, type Catalogue, type Lang } from '../../../i18n/index.js';
import type { SlackDeps } from '../../deps.js';
import { MARK_SIGNED_DATE } from '../../interaction-ids.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import type { MessageOrigin } from '../../views/modals/metadata.js';
import { conflictModal } from '../../views/modals/outcome-modals.js';
import { answerThroughResponseUrl } from '../../response-url.js';
import { showSignedInReminder } from './signed-in-reminder.js';
import { partnerName } from '../../views/partner-text.js';
import { refusalView } from '../../views/refusal-view.js';
import { reportedError } from '../../reported-error.js';
import { plain } from '../../views/render-text.js';
import { fieldContext, readSubmission, saveUnlessChanged, type Submission, type SubmissionArgs } from './submission.js';

/**
 * The mark-as-signed form submitted: a coordinator, a pending partner, a plausible date → the
 * partner becomes a signatory. Anything wrong is shown on the date field and the form stays open;
 * a change made meanwhile gives way to the conflict modal, like the other forms.
 */
export function markSignedSubmitted(deps: SlackDeps) {
  return async ({ ack, body, client, logger, context }: SubmissionArgs): Promise<void> => {
    const submission = await readSubmission(body, deps);
    if (!submission?.meta.id) {
      await ack(dateError(reportedError('A malformed mark-as-signed submission', body.view.private_metadata, { logger, lang: 'en', context })));
      return;
    }
    const { userId, meta, lang, t, now } = submission;
    const partner = await deps.store.partners.get(meta.id!);
    const checked = checkSubmission(submission, partner, deps.config.CORRIDOR_ADMINS);
    if (!checked.ok) {
      await ack(dateError(checked.problem));
      return;
    }
    const attempted = markSigned(checked.partner, checked.date);
    const saved = await saveUnlessChanged(
      ack,
      () => deps.store.partners.save(attempted, { actor: userId, expectedVersion: meta.version ?? 0, now }),
      async (current) => {
        const fields = await fieldContext(deps.store, lang);
        const what = escapeMrkdwn(current.name);
        return conflictModal({ entity: 'partner', reopen: 'markSigned', what, current, attempted, origin: meta, ...fields });
      },
    );
    if (!saved) return;
    await ack();
    const text = t.markSigned.done(partnerName(saved), formatDate(checked.date, lang));
    await confirm(client, meta, userId, text).catch((error: unknown) => {
      logger.warn(`Could not confirm the signing to ${userId}: ${error instanceof Error ? error.message : String(error)}`);
    });
    await showSignedInReminder({ client, logger }, deps, meta, saved, userId);
    await deps.home.refresh(client, [userId], logger);
  };
}

/** Through the click's response_url; a form opened before it was remembered confirms in its channel. */
async function confirm(client: SubmissionArgs['client'], origin: MessageOrigin, userId: string, text: string): Promise<void> {
  if (origin.responseUrl) return answerThroughResponseUrl(origin.responseUrl, { text });
  if (origin.channelId) await client.chat.postEphemeral({ channel: origin.channelId, user: userId, text });
}

type Checked = { ok: true; partner: Partner; date: string } | { ok: false; problem: string };

/** Who may mark, whether the partner is still pending, and whether the date is plausible. */
function checkSubmission({ isAdmin, audience, values, today, t, lang }: Submission, partner: Partner | undefined, admins: readonly string[]): Checked {
  if (!isAdmin) return { ok: false, problem: plain(refusalView(admins, t, audience).text) };
  if (!partner || partner.removedAt !== null) return { ok: false, problem: t.markSigned.notFound };
  if (partner.status !== 'pending') return { ok: false, problem: t.markSigned.notPending(partner.name) };
  const check = checkSigningDate(dateValue(values[MARK_SIGNED_DATE.block]), today, partner.pendingSince);
  if (!check.ok) return { ok: false, problem: problemText(check.problem, partner.pendingSince, t, lang) };
  return { ok: true, partner, date: check.date };
}

function dateValue(value: FieldValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/** The form stays open with the problem under the date. */
function dateError(text: string) {
  return { response_action: 'errors' as const, errors: { [MARK_SIGNED_DATE.block]: text } };
}

function problemText(problem: SigningDateProblem, pendingSince: string | null, t: Catalogue, lang: Lang): string {
  if (problem === 'future') return t.markSigned.future;
  if (problem === 'beforePending') return t.markSigned.beforePending(formatDate(pendingSince ?? '', lang));
  return t.markSigned.dateMissing;
}
