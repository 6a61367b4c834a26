import { draftOf } from './draft.js';
import type { Draft, Partner } from './types.js';

type PartnerDraft = Draft<Partner>;

/** A pending partner becomes a signatory on the given date; its follow-up is over. */
export function markSigned(partner: Partner, signedOn: string): PartnerDraft {
  return { ...draftOf(partner), status: 'signatory', joinedOn: signedOn, pendingSince: null, nextStep: null, nextStepDueOn: null };
}

/** Records an adhesion as pending from the given date. */
export function markPending(partner: Partner, since: string, nextStep: Partner['nextStep'], nextStepDueOn: string | null = null): PartnerDraft {
  return { ...draftOf(partner), status: 'pending', joinedOn: null, pendingSince: since, nextStep, nextStepDueOn };
}

/** Where a partner stands with the MOU, as an admin records it (dates may be unknown). */
export type Adhesion =
  | { status: 'signatory'; signedOn: string | null }
  | { status: 'pending'; since: string | null; nextStep: Partner['nextStep']; nextStepDueOn: string | null };

/** Sets a draft's adhesion fields consistently: a signatory has no pending date nor next step. */
export function withAdhesion(draft: PartnerDraft, adhesion: Adhesion): PartnerDraft {
  return adhesion.status === 'signatory'
    ? { ...draft, status: 'signatory', joinedOn: adhesion.signedOn, pendingSince: null, nextStep: null, nextStepDueOn: null }
    : { ...draft, status: 'pending', joinedOn: null, pendingSince: adhesion.since, nextStep: adhesion.nextStep, nextStepDueOn: adhesion.nextStepDueOn };
}
