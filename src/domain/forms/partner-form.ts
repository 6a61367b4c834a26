import { z } from 'zod';
import { withAdhesion } from '../adhesion.js';
import { draftOf } from '../draft.js';
import { slugify, uniqueId } from '../slug.js';
import { normalize } from '../text.js';
import { jurisdictions, partnerKinds, partnerStatuses, type Draft, type Partner } from '../types.js';
import { formErrorsFrom, type FormResult } from './errors.js';
import { bilingual, choice, nameText, nullIfBlank, optionalDate, optionalUser, requiredChoice, requiredNameText, text } from './fields.js';
import type { FormValues } from './state.js';

/** Block IDs of the partner modal. */
export const PARTNER_FIELDS = {
  name: 'name',
  acronym: 'acronym',
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
  followUp: 'follow_up',
} as const;

/** Lengths the stored schema allows (name, official name, acronym) or that keep cards readable. */
export const PARTNER_LIMITS = {
  name: 200,
  acronym: 30,
  officialName: 300,
  website: 500,
  designation: 300,
  nextStep: 500,
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
const webUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

/** Validates a submitted partner modal and turns it into the draft to save. */
export function parsePartnerForm(values: FormValues, context: PartnerFormContext): FormResult<Draft<Partner>> {
  const { existing, partners, today } = context;
  const schema = z
    .object({
      [F.name]: requiredNameText(L.name),
      [F.acronym]: nameText(L.acronym),
      [F.officialName]: nameText(L.officialName),
      [F.kind]: choice(partnerKinds),
      [F.jurisdiction]: choice(jurisdictions),
      [F.website]: text(L.website).refine((value) => value === '' || webUrl.safeParse(value).success, 'invalidUrl'),
      [F.designationFr]: text(L.designation),
      [F.designationEn]: text(L.designation),
      [F.status]: requiredChoice(partnerStatuses),
      [F.statusDate]: optionalDate,
      [F.nextStepFr]: text(L.nextStep),
      [F.nextStepEn]: text(L.nextStep),
      [F.nextStepDueOn]: optionalDate,
      [F.followUp]: optionalUser,
    })
    .superRefine((form, issues) => {
      const name = normalize(form[F.name]);
      const clash = partners.find(
        (partner) => partner.id !== existing?.id && partner.removedAt === null && normalize(partner.name) === name,
      );
      if (name && clash) issues.addIssue({ code: 'custom', path: [F.name], message: 'duplicateName' });
      const date = form[F.statusDate];
      if (date === '' && !keepsUnknownDate(existing, form[F.status])) {
        issues.addIssue({ code: 'custom', path: [F.statusDate], message: 'required' });
      }
      if (date !== '' && date > today) issues.addIssue({ code: 'custom', path: [F.statusDate], message: 'dateInFuture' });
    });
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: formErrorsFrom(parsed.error.issues) };
  const form = parsed.data;
  const name = form[F.name];
  const id = existing?.id ?? uniqueId(slugify(name), new Set(partners.map((partner) => partner.id)));
  const draft: Draft<Partner> = {
    ...(existing ? draftOf(existing) : emptyPartner(id)),
    id,
    name,
    acronym: nullIfBlank(form[F.acronym]),
    officialName: nullIfBlank(form[F.officialName]),
    kind: (nullIfBlank(form[F.kind]) as Partner['kind']) ?? null,
    jurisdiction: (nullIfBlank(form[F.jurisdiction]) as Partner['jurisdiction']) ?? null,
    website: nullIfBlank(form[F.website]),
    designation: bilingual(form[F.designationFr], form[F.designationEn]),
    followUpUserId: nullIfBlank(form[F.followUp]),
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
  return { ok: true, value: withAdhesion(draft, adhesion) };
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
  };
}
