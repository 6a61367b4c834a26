import type { ModalView } from '@slack/types';
import type { FormError } from '../../../domain/forms/errors.js';
import { flattenState, type FormValues } from '../../../domain/forms/state.js';
import { canChangeRecords } from '../../../domain/permissions.js';
import { localDate } from '../../../i18n/format.js';
import { catalogue, type Catalogue, type Lang } from '../../../i18n/index.js';
import type { CorridorStore } from '../../../store/repository.js';
import type { SlackDeps } from '../../deps.js';
import { viewSubmissionPayload } from '../../payloads.js';
import { decodeMetadata, type ModalMetadata } from '../../views/modals/metadata.js';
import { directoryOf, type FieldContext } from '../../views/record-fields.js';

/** A parsed view_submission: who submitted which form, for which record version, with what values. */
export interface Submission {
  userId: string;
  meta: ModalMetadata;
  lang: Lang;
  t: Catalogue;
  values: FormValues;
  isAdmin: boolean;
  now: Date;
  /** Today in the corridor's time zone. */
  today: string;
}

export function readSubmission(body: unknown, deps: SlackDeps): Submission | undefined {
  const payload = viewSubmissionPayload.safeParse(body);
  if (!payload.success) return undefined;
  const { user, view } = payload.data;
  const meta = decodeMetadata(view.private_metadata);
  if (!meta) return undefined;
  const now = deps.clock?.() ?? new Date();
  return {
    userId: user.id,
    meta,
    lang: meta.lang,
    t: catalogue(meta.lang),
    values: flattenState(view.state.values),
    isAdmin: canChangeRecords(user.id, deps.config.CORRIDOR_ADMINS),
    now,
    today: localDate(now, deps.config.CORRIDOR_TZ),
  };
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
