import { contactId } from '../contact-log.js';
import { contactKinds, CONTACT_TEXT_MAX, type ContactEntry, type ContactKind, type Draft, type Partner } from '../types.js';
import { withoutControls } from './fields.js';
import type { FormValues } from './state.js';

/** The contact-log form's inputs, by block_id. */
export const CONTACT_FORM = { partner: 'contact_partner', kind: 'contact_kind', on: 'contact_on', text: 'contact_text', next: 'contact_next' } as const;

export type ContactFormProblem = 'partnerMissing' | 'textMissing' | 'textTooLong' | 'textControlCharacter' | 'dateMissing' | 'dateFuture' | 'nextBeforeContact';
export type ContactFormResult = { ok: true; draft: Draft<ContactEntry> } | { ok: false; errors: Partial<Record<keyof typeof CONTACT_FORM, ContactFormProblem>> };

export interface ContactFormContext {
  partners: readonly Partner[];
  author: string;
  today: string;
  /** Makes the new entry's ID unique (the form's view ID serves: the same submission gives the same entry). */
  unique: string;
}

/** Reads a submitted contact-log form into an entry, or the problems to show under its fields. */
export function parseContactForm(values: FormValues, { partners, author, today, unique }: ContactFormContext): ContactFormResult {
  const text = typeof values[CONTACT_FORM.text] === 'string' ? (values[CONTACT_FORM.text] as string).trim() : '';
  const partnerId = typeof values[CONTACT_FORM.partner] === 'string' ? (values[CONTACT_FORM.partner] as string) : '';
  const on = typeof values[CONTACT_FORM.on] === 'string' ? (values[CONTACT_FORM.on] as string) : '';
  const next = typeof values[CONTACT_FORM.next] === 'string' ? (values[CONTACT_FORM.next] as string) : null;
  const kindValue = values[CONTACT_FORM.kind];
  const kind: ContactKind = (contactKinds as readonly string[]).includes(kindValue as string) ? (kindValue as ContactKind) : 'note';
  const errors: Partial<Record<keyof typeof CONTACT_FORM, ContactFormProblem>> = {};
  const partner = partners.find((candidate) => candidate.id === partnerId && candidate.removedAt === null);
  if (!partner) errors.partner = 'partnerMissing';
  if (!text) errors.text = 'textMissing';
  else if (text.length > CONTACT_TEXT_MAX) errors.text = 'textTooLong';
  else if (!withoutControls(text)) errors.text = 'textControlCharacter';
  if (!on) errors.on = 'dateMissing';
  else if (on > today) errors.on = 'dateFuture';
  if (next && on && next < on) errors.next = 'nextBeforeContact';
  if (!partner || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, draft: { id: contactId(partner.id, on, unique), partnerId: partner.id, on, author, kind, text, nextFollowUpOn: next } };
}
