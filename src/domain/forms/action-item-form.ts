import { z } from 'zod';
import { draftOf } from '../draft.js';
import { slugify, uniqueId } from '../slug.js';
import { actionStatuses, type ActionItem, type ActionStatus, type Draft, type Partner, type Track } from '../types.js';
import { formErrorsFrom, type FormResult } from './errors.js';
import { bilingual, choice, choices, nameText, nullIfBlank, optionalDate, optionalUser, requiredChoice } from './fields.js';
import type { FormValues } from './state.js';

/** Block IDs of the action item modal. */
export const ACTION_FIELDS = {
  titleFr: 'title_fr',
  titleEn: 'title_en',
  track: 'track',
  partners: 'partners',
  owner: 'owner',
  due: 'due',
  status: 'status',
} as const;

export const ACTION_LIMITS = { title: 300, partners: 100 } as const;

export interface ActionFormContext {
  existing?: ActionItem;
  /** Every action item, removed ones included, so a new ID is never one already used. */
  actions: readonly ActionItem[];
  tracks: readonly Track[];
  partners: readonly Partner[];
  today: string;
}

const F = ACTION_FIELDS;
const L = ACTION_LIMITS;

export function parseActionForm(values: FormValues, context: ActionFormContext): FormResult<Draft<ActionItem>> {
  const { existing, actions, tracks, partners, today } = context;
  const partnerIds = new Set(partners.map((partner) => partner.id));
  const schema = z
    .object({
      [F.titleFr]: nameText(L.title),
      [F.titleEn]: nameText(L.title),
      [F.track]: choice(tracks.map((track) => track.id)),
      [F.partners]: choices((id) => partnerIds.has(id), L.partners),
      [F.owner]: optionalUser,
      [F.due]: optionalDate,
      [F.status]: choice(actionStatuses),
    })
    .superRefine((form, issues) => {
      if (form[F.titleFr] === '' && form[F.titleEn] === '') {
        for (const field of [F.titleFr, F.titleEn]) issues.addIssue({ code: 'custom', path: [field], message: 'requiredOneLanguage' });
      }
    });
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: formErrorsFrom(parsed.error.issues) };
  const form = parsed.data;
  const title = bilingual(form[F.titleFr], form[F.titleEn])!;
  const id = existing?.id ?? uniqueId(slugify(title.en), new Set(actions.map((item) => item.id)));
  const status = (nullIfBlank(form[F.status]) as ActionStatus | null) ?? existing?.status ?? 'open';
  const draft: Draft<ActionItem> = {
    ...(existing ? draftOf(existing) : {}),
    id,
    title,
    trackId: nullIfBlank(form[F.track]),
    partnerIds: form[F.partners],
    ownerUserId: nullIfBlank(form[F.owner]),
    dueOn: nullIfBlank(form[F.due]),
    ...withStatus(existing, status, today),
  };
  return { ok: true, value: draft };
}

/** The status-only form an item's owner may submit without admin rights. */
export const ACTION_STATUS_FIELDS = { status: 'status' } as const;

export function parseActionStatusForm(values: FormValues, existing: ActionItem, today: string): FormResult<Draft<ActionItem>> {
  const parsed = z.object({ [ACTION_STATUS_FIELDS.status]: requiredChoice(actionStatuses) }).safeParse(values);
  if (!parsed.success) return { ok: false, errors: formErrorsFrom(parsed.error.issues) };
  return { ok: true, value: { ...draftOf(existing), ...withStatus(existing, parsed.data.status, today) } };
}

/** Completing an item dates it (keeping an earlier completion date); reopening clears the date. */
export function withStatus(existing: ActionItem | undefined, status: ActionStatus, today: string): Pick<ActionItem, 'status' | 'completedOn'> {
  if (status !== 'done') return { status, completedOn: null };
  return { status, completedOn: existing?.status === 'done' && existing.completedOn ? existing.completedOn : today };
}
