import { z } from 'zod';
import { withAdhesion } from '../adhesion.js';
import { draftOf } from '../draft.js';
import { slugify, uniqueId } from '../slug.js';
import { normalize } from '../text.js';
import { namesOf } from '../partner-match.js';
import { stageOf } from '../stages.js';
import { jurisdictions, PARTNER_ALIAS_MAX, PARTNER_ALIASES_MAX, partnerKinds, partnerStatuses, pendingStages, type AdhesionStageName, type Draft, type Partner } from '../types.js';
import { formErrorsFrom, type FormResult } from './errors.js';
import { bilingual, choice, nameText, nullIfBlank, optionalDate, optionalUser, optionalWebAddress, requiredChoice, requiredNameText, text } from './fields.js';
import type { FormValues } from './state.js';

/** Block IDs of the partner modal. */
export const PARTNER_FIELDS = {
  name: 'name',
  acronym: 'acronym',
  aliases: 'aliases',
  officialName: 'official_name',
  kind: 'kind',
  jurisdiction: 'jurisdiction',
  website: 'website',
  designationFr: 'designation_fr',
  designationEn: 'designation_en',
  status: 'status',
  statusDate: 'status_date',
  nextStepFr: 'next_step_fr',
  nextStepEn: 'next_step_en',
  nextStepDueOn: 'next_step_due_on',
  stage: 'stage',
  stageSince: 'stage_since',
  followUp: 'follow_up',
  internalNote: 'internal_note',
} as const;

/** Lengths the stored schema allows (name, official name, acronym) or that keep cards readable. */
export const PARTNER_LIMITS = {
  name: 200,
  acronym: 30,
  /** The short names field as typed, commas included. */
  aliases: 400,
  officialName: 300,
  website: 500,
  designation: 300,
  nextStep: 500,
  internalNote: 1000,
} as const;

export interface PartnerFormContext {
  /** The partner being edited; absent when adding one. */
  existing?: Partner;
  /** Every partner, removed ones included: names stay unique and IDs are never reused. */
  partners: readonly Partner[];
  today: string;
}

const F = PARTNER_FIELDS;
const L = PARTNER_LIMITS;

/** Validates a submitted partner modal and turns it into the draft to save. */
export function parsePartnerForm(values: FormValues, context: PartnerFormContext): FormResult<Draft<Partner>> {
  const parsed = partnerFormSchema(context).safeParse(values);
  if (!parsed.success) return { ok: false, errors: formErrorsFrom(parsed.error.issues) };
  return { ok: true, value: draftFromForm(parsed.data, context) };
}

/** The form's fields, and the rules that read several of them or the other partners. */
function partnerFormSchema({ existing, partners, today }: PartnerFormContext) {
  return z
    .object({
      [F.name]: requiredNameText(L.name),
      [F.acronym]: nameText(L.acronym),
      [F.aliases]: nameText(L.aliases),
      [F.officialName]: nameText(L.officialName),
      [F.kind]: choice(partnerKinds),
      [F.jurisdiction]: choice(jurisdictions),
      [F.website]: optionalWebAddress(L.website),
      [F.designationFr]: text(L.designation),
      [F.designationEn]: text(L.designation),
      [F.status]: requiredChoice(partnerStatuses),
      [F.statusDate]: optionalDate,
      [F.nextStepFr]: text(L.nextStep),
      [F.nextStepEn]: text(L.nextStep),
      [F.nextStepDueOn]: optionalDate,
      [F.stage]: choice(pendingStages),
      [F.stageSince]: optionalDate,
      [F.followUp]: optionalUser,
      [F.internalNote]: text(L.internalNote),
    })
    .superRefine((form, issues) => {
      const name = normalize(form[F.name]);
      const clash = partners.find(
        (partner) => partner.id !== existing?.id && partner.removedAt === null && normalize(partner.name) === name,
      );
      if (name && clash) issues.addIssue({ code: 'custom', path: [F.name], message: 'duplicateName' });
      aliasIssues(splitAliases(form[F.aliases]), partners, existing).forEach((issue) => issues.addIssue({ ...issue, path: [F.aliases] }));
      const date = form[F.statusDate];
      if (date === '' && !keepsUnknownDate(existing, form[F.status])) {
        issues.addIssue({ code: 'custom', path: [F.statusDate], message: 'required' });
      }
      if (date !== '' && date > today) issues.addIssue({ code: 'custom', path: [F.statusDate], message: 'dateInFuture' });
      if (form[F.stageSince] > today) issues.addIssue({ code: 'custom', path: [F.stageSince], message: 'dateInFuture' });
    });
}

function draftFromForm(form: z.infer<ReturnType<typeof partnerFormSchema>>, { existing, partners, today }: PartnerFormContext): Draft<Partner> {
  const name = form[F.name];
  const id = existing?.id ?? uniqueId(slugify(name), new Set(partners.map((partner) => partner.id)));
  const draft: Draft<Partner> = {
    ...(existing ? draftOf(existing) : emptyPartner(id)),
    id,
    name,
    acronym: nullIfBlank(form[F.acronym]),
    aliases: splitAliases(form[F.aliases]),
    officialName: nullIfBlank(form[F.officialName]),
    kind: (nullIfBlank(form[F.kind]) as Partner['kind']) ?? null,
    jurisdiction: (nullIfBlank(form[F.jurisdiction]) as Partner['jurisdiction']) ?? null,
    website: nullIfBlank(form[F.website]),
    designation: bilingual(form[F.designationFr], form[F.designationEn]),
    followUpUserId: nullIfBlank(form[F.followUp]),
    internalNote: nullIfBlank(form[F.internalNote]),
  };
  const date = nullIfBlank(form[F.statusDate]);
  const adhesion =
    form[F.status] === 'signatory'
      ? ({ status: 'signatory', signedOn: date } as const)
      : ({
          status: 'pending',
          since: date,
          nextStep: bilingual(form[F.nextStepFr], form[F.nextStepEn]),
          nextStepDueOn: nullIfBlank(form[F.nextStepDueOn]),
        } as const);
  return withSourcesStillTrue(withStage(withAdhesion(draft, adhesion), form[F.stage], form[F.stageSince], today), existing);
}

/**
 * The stage chosen in the form, for a pending adhesion: reached on the day given, else on the day
 * it was already reached (the same stage), else today. A signing date or reason it had stays with it.
 */
function withStage(draft: Draft<Partner>, chosen: string, since: string, today: string): Draft<Partner> {
  if (draft.status !== 'pending' || chosen === '') return draft;
  const current = stageOf(draft);
  const same = current?.name === chosen;
  return {
    ...draft,
    stage: {
      name: chosen as AdhesionStageName,
      since: since || (same ? current.since : today),
      on: same ? current.on : null,
      reason: same ? current.reason : null,
    },
  };
}

/** A field's source stops applying once a coordinator changes the value: theirs is the record's own. */
function withSourcesStillTrue(draft: Draft<Partner>, existing: Partner | undefined): Draft<Partner> {
  if (!existing?.sources) return draft;
  const sources = existing.sources.filter(({ field }) => draft[field] === existing[field]);
  return { ...draft, sources };
}

/** "UVM, Vermont U" → ["UVM", "Vermont U"]: commas or semicolons separate names; repeats count once. */
export function splitAliases(typed: string): string[] {
  const seen = new Set<string>();
  return typed
    .split(/[,;\n]/)
    .map((alias) => alias.trim().replace(/\s+/g, ' '))
    .filter((alias) => alias !== '' && !seen.has(normalize(alias)) && Boolean(seen.add(normalize(alias))));
}

type AliasIssue =
  | { code: 'custom'; message: 'duplicateName' }
  | { code: 'too_big'; origin: 'string' | 'array'; maximum: number; inclusive: true; message: 'tooLong' | 'tooMany'; input: unknown };

/** Each short name fits the stored schema, and none is already another partner's name: lookups would find both. */
function aliasIssues(aliases: string[], partners: readonly Partner[], existing: Partner | undefined): AliasIssue[] {
  if (aliases.length > PARTNER_ALIASES_MAX) {
    return [{ code: 'too_big', origin: 'array', maximum: PARTNER_ALIASES_MAX, inclusive: true, message: 'tooMany', input: aliases }];
  }
  const long = aliases.find((alias) => alias.length > PARTNER_ALIAS_MAX);
  if (long) return [{ code: 'too_big', origin: 'string', maximum: PARTNER_ALIAS_MAX, inclusive: true, message: 'tooLong', input: long }];
  const taken = new Set(
    partners.filter((partner) => partner.id !== existing?.id && partner.removedAt === null).flatMap((partner) => namesOf(partner).map(normalize)),
  );
  return aliases.some((alias) => taken.has(normalize(alias))) ? [{ code: 'custom', message: 'duplicateName' }] : [];
}

/** Founding signatories have no known signing date: editing them must not force one. */
function keepsUnknownDate(existing: Partner | undefined, status: string): boolean {
  if (!existing || existing.status !== status) return false;
  return (existing.status === 'signatory' ? existing.joinedOn : existing.pendingSince) === null;
}

function emptyPartner(id: string): Draft<Partner> {
  return {
    id,
    name: '',
    officialName: null,
    acronym: null,
    aliases: [],
    designation: null,
    kind: null,
    jurisdiction: null,
    website: null,
    status: 'pending',
    joinedOn: null,
    pendingSince: null,
    nextStep: null,
    nextStepDueOn: null,
    followUpUserId: null,
    internalNote: null,
    stage: null,
  };
}
