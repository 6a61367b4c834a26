import { z } from 'zod';
import { draftOf } from '../draft.js';
import { slugify, uniqueId } from '../slug.js';
import { normalize } from '../text.js';
import type { Draft, Partner, Person } from '../types.js';
import { formErrorsFrom, type FormResult } from './errors.js';
import { bilingual, NO_CHOICE, nullIfBlank, requiredNameText, text } from './fields.js';
import type { FormValues } from './state.js';

/** Block IDs of the person modal. */
export const PERSON_FIELDS = {
  name: 'name',
  titleFr: 'title_fr',
  titleEn: 'title_en',
  partner: 'partner',
  affiliationFr: 'affiliation_fr',
  affiliationEn: 'affiliation_en',
  email: 'email',
} as const;

export const PERSON_LIMITS = {
  name: 150,
  title: 300,
  affiliation: 300,
  /** The longest address SMTP carries. */
  email: 254,
} as const;

export interface PersonFormContext {
  /** The person being edited; absent when adding one. */
  existing?: Person;
  /** Everyone, removed people included: names stay unique and IDs are never reused. */
  people: readonly Person[];
  /** Partners a person may belong to (removed ones included, for a person who already belongs to one). */
  partners: readonly Partner[];
}

const F = PERSON_FIELDS;
const L = PERSON_LIMITS;

/** Validates a submitted person modal and turns it into the draft to save. */
export function parsePersonForm(values: FormValues, { existing, people, partners }: PersonFormContext): FormResult<Draft<Person>> {
  const knownPartner = (id: string) => partners.some((partner) => partner.id === id && (partner.removedAt === null || partner.id === existing?.partnerId));
  const schema = z
    .object({
      [F.name]: requiredNameText(L.name),
      [F.titleFr]: text(L.title),
      [F.titleEn]: text(L.title),
      [F.partner]: text(200).transform((id) => (id === NO_CHOICE ? '' : id)).refine((id) => id === '' || knownPartner(id), 'unknownChoice'),
      [F.affiliationFr]: text(L.affiliation),
      [F.affiliationEn]: text(L.affiliation),
      [F.email]: text(L.email).refine((value) => value === '' || z.email().safeParse(value).success, 'invalidEmail'),
    })
    .superRefine((form, issues) => {
      const name = normalize(form[F.name]);
      const clash = people.find((person) => person.id !== existing?.id && person.removedAt === null && normalize(person.name) === name);
      if (name && clash) issues.addIssue({ code: 'custom', path: [F.name], message: 'duplicatePerson' });
    });
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: formErrorsFrom(parsed.error.issues) };
  const form = parsed.data;
  const id = existing?.id ?? uniqueId(slugify(form[F.name]), new Set(people.map((person) => person.id)));
  return {
    ok: true,
    value: {
      ...(existing ? draftOf(existing) : { quote: null }),
      id,
      name: form[F.name],
      title: bilingual(form[F.titleFr], form[F.titleEn]),
      partnerId: nullIfBlank(form[F.partner]),
      affiliation: bilingual(form[F.affiliationFr], form[F.affiliationEn]),
      email: nullIfBlank(form[F.email]),
    },
  };
}
