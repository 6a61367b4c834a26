import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { FormError } from '../../../domain/forms/errors.js';
import { flattenState, type FormValues } from '../../../domain/forms/state.js';
import { catalogue, type Catalogue, type Lang } from '../../../i18n/index.js';
import { VersionConflictError, type CorridorStore, type WriteContext } from '../../../store/corridor-store.js';
import { askerOf, type Asker } from '../../asker.js';
import type { SlackDeps } from '../../deps.js';
import { viewSubmissionPayload } from '../../payloads.js';
import { decodeMetadata, type ModalMetadata } from '../../views/modals/metadata.js';
import { refusedModal } from '../../views/modals/outcome-modals.js';
import { directoryOf, type FieldContext } from '../../views/record-fields.js';

/** A parsed view_submission: who submitted which form, for which record version, with what values. */
export interface Submission extends Asker {
  /** Slack's ID of the submitted view: the same on a repeated delivery of the same submission. */
  viewId: string;
  meta: ModalMetadata;
  values: FormValues;
}

export async function readSubmission(body: unknown, deps: SlackDeps): Promise<Submission | undefined> {
  const payload = viewSubmissionPayload.safeParse(body);
  if (!payload.success) return undefined;
  const { user, view } = payload.data;
  const meta = decodeMetadata(view.private_metadata);
  if (!meta) return undefined;
  // The form's language, not the user's current one: the answer matches what they read.
  return { ...(await askerOf(user.id, deps, meta.lang)), viewId: view.id, meta, values: flattenState(view.state.values) };
}

export type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Reads a coordinators' form (partner, event, action item). A malformed submission is logged and
 * the form closed; anyone else gets the refusal in place of the form. Undefined in both cases.
 */
export async function readAdminSubmission({ ack, body, logger }: SubmissionArgs, deps: SlackDeps, form: string): Promise<Submission | undefined> {
  const submission = await readSubmission(body, deps);
  if (!submission) {
    logger.warn(`Ignoring a malformed ${form} submission`);
    await ack();
    return undefined;
  }
  if (!submission.isAdmin) {
    await ack(updateAction(refusedModal(deps.config.CORRIDOR_ADMINS, submission.t, submission.audience)));
    return undefined;
  }
  return submission;
}

/**
 * Saves over the version the form showed. When the record changed meanwhile nothing is overwritten:
 * the form gives way to `conflictView` of the current record, and the result is undefined.
 */
export async function saveUnlessChanged<T>(
  ack: SubmissionArgs['ack'],
  save: () => Promise<T>,
  conflictView: (current: T) => ModalView | Promise<ModalView>,
): Promise<T | undefined> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    await ack(updateAction(await conflictView(error.current as T)));
    return undefined;
  }
}

/**
 * How a form saves its record: an edit over the version the form showed; a new record as version 0
 * ("must not exist yet", so two coordinators adding at once cannot overwrite each other), keyed on
 * the form so that a repeated delivery finds the first delivery's record.
 */
export function formWrite({ userId, now, meta, viewId }: Submission, existing: object | undefined): WriteContext {
  return { actor: userId, now, ...(existing ? { expectedVersion: meta.version ?? 0 } : { expectedVersion: 0, formId: viewId }) };
}

/** What the form says once saved: added, nothing changed (the record already had these values), or updated. */
export function savedMessage(existing: { version: number } | undefined, saved: { version: number }, t: Catalogue, said: { added: string; updated: string }): string {
  if (!existing) return said.added;
  return saved.version === existing.version ? t.modals.saved.unchanged : said.updated;
}

/** Field errors shown under the inputs; the modal stays open with what the user typed. */
export function errorsAction(errors: readonly FormError[], t: Catalogue) {
  const messages: Record<string, string> = {};
  for (const error of errors) {
    const wording = t.forms.errors[error.code];
    messages[error.field] = typeof wording === 'function' ? wording(error.limit ?? 0) : wording;
  }
  return { response_action: 'errors' as const, errors: messages };
}

/** Replaces the submitted modal with another view (saved, conflict, refusal…). */
export function updateAction(view: ModalView) {
  return { response_action: 'update' as const, view };
}

export async function fieldContext(store: CorridorStore, lang: Lang): Promise<FieldContext> {
  const [partners, people, tracks] = await Promise.all([
    store.partners.list({ includeRemoved: true }),
    store.people.list({ includeRemoved: true }),
    store.listTracks(),
  ]);
  return { lang, t: catalogue(lang), directory: directoryOf(partners, people, tracks) };
}
