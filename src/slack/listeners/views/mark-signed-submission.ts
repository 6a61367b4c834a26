import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { markSigned } from '../../../domain/adhesion.js';
import { localIsoDate } from '../../../domain/dates.js';
import { canChangeRecords } from '../../../domain/permissions.js';
import { checkSigningDate, type SigningDateProblem } from '../../../domain/signing-date.js';
import { formatDate } from '../../../i18n/format.js';
import { catalogue, type Catalogue } from '../../../i18n/index.js';
import { VersionConflictError } from '../../../store/repository.js';
import type { SlackDeps } from '../../deps.js';
import { MARK_SIGNED_DATE } from '../../interaction-ids.js';
import { markSignedSubmission } from '../../payloads.js';
import { plain } from '../../views/render-text.js';
import { refusalView } from '../../views/refusal-view.js';
import { partnerName } from '../../views/partner-text.js';

/**
 * The mark-as-signed form submitted: a coordinator, a pending partner, a plausible date → the
 * partner becomes a signatory. Anything wrong is shown on the date field and the form stays open.
 */
export function markSignedSubmissionListener(deps: SlackDeps) {
  return async ({ ack, body, client, logger }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const fieldError = (text: string) =>
      ack({ response_action: 'errors', errors: { [MARK_SIGNED_DATE.block]: text } });
    const parsed = markSignedSubmission.safeParse(body);
    if (!parsed.success) {
      logger.warn(`Malformed mark-as-signed submission: ${parsed.error.issues[0]?.message}`);
      await fieldError(catalogue('en').common.internalError);
      return;
    }
    const { user, view } = parsed.data;
    const { partnerId, version, channelId } = view.private_metadata;
    const lang = await deps.userLanguages.of(user.id);
    const t = catalogue(lang);
    if (!canChangeRecords(user.id, deps.config.CORRIDOR_ADMINS)) {
      await fieldError(plain(refusalView(deps.config.CORRIDOR_ADMINS, t).text));
      return;
    }
    const partner = await deps.store.partners.get(partnerId);
    if (!partner || partner.removedAt !== null) {
      await fieldError(t.markSigned.notFound);
      return;
    }
    if (partner.status !== 'pending') {
      await fieldError(t.markSigned.notPending(partner.name));
      return;
    }
    const today = localIsoDate(new Date(), deps.config.CORRIDOR_TZ);
    const selected = view.state.values[MARK_SIGNED_DATE.block][MARK_SIGNED_DATE.action].selected_date;
    const check = checkSigningDate(selected, today, partner.pendingSince);
    if (!check.ok) {
      await fieldError(problemText(check.problem, partner.pendingSince, t, lang));
      return;
    }
    try {
      await deps.store.partners.save(markSigned(partner, check.date), { actor: user.id, expectedVersion: version });
    } catch (error) {
      if (error instanceof VersionConflictError) {
        await fieldError(t.markSigned.changedMeanwhile(error.current.updatedBy ?? '?'));
        return;
      }
      throw error;
    }
    await ack();
    if (channelId) {
      const text = t.markSigned.done(partnerName(partner), formatDate(check.date, lang));
      await client.chat.postEphemeral({ channel: channelId, user: user.id, text }).catch((error: unknown) => {
        logger.warn(`Could not confirm the signing to ${user.id}: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    await deps.home.refresh(client, [user.id], logger);
  };
}

function problemText(problem: SigningDateProblem, pendingSince: string | null, t: Catalogue, lang: 'fr' | 'en'): string {
  if (problem === 'future') return t.markSigned.future;
  if (problem === 'beforePending') return t.markSigned.beforePending(formatDate(pendingSince ?? '', lang));
  return t.markSigned.dateMissing;
}
