import type { Draft, Partner } from './types.js';

type PartnerDraft = Draft<Partner>;

export function toDraft(partner: Partner): PartnerDraft {
  const { version: _v, createdAt: _c, updatedAt: _u, updatedBy: _b, removedAt: _r, ...draft } = partner;
  return draft;
}

/** A pending partner becomes a signatory on the given date; its follow-up is over. */
export function markSigned(partner: Partner, signedOn: string): PartnerDraft {
  return { ...toDraft(partner), status: 'signatory', joinedOn: signedOn, pendingSince: null, nextStep: null };
}

/** Records an adhesion as pending from the given date. */
export function markPending(partner: Partner, since: string, nextStep: Partner['nextStep']): PartnerDraft {
  return { ...toDraft(partner), status: 'pending', joinedOn: null, pendingSince: since, nextStep };
}
