import { draftOf } from './draft.js';
import { SIGNED_STAGES } from './stages.js';
import type { AdhesionStage, AdhesionStageName, Draft, Partner } from './types.js';

type PartnerDraft = Draft<Partner>;

const stage = (name: AdhesionStageName, since: string, extra: Partial<Pick<AdhesionStage, 'on' | 'reason'>> = {}): AdhesionStage => ({
  name,
  since,
  on: extra.on ?? null,
  reason: extra.reason ?? null,
});

/** A pending partner becomes a signatory on the given date; its follow-up is over. */
export function markSigned(partner: Partner, signedOn: string): PartnerDraft {
  return {
    ...draftOf(partner),
    status: 'signatory',
    joinedOn: signedOn,
    pendingSince: null,
    nextStep: null,
    nextStepDueOn: null,
    stage: stage('signed', signedOn),
    ...withoutStageSource(partner),
  };
}

/** A stage a coordinator sets is their own: the release's source for the first one no longer applies. */
function withoutStageSource(partner: Partner): Pick<Partner, 'sources'> {
  return partner.sources ? { sources: partner.sources.filter(({ field }) => field !== 'stage') } : {};
}

/** Records an adhesion as pending from the given date. */
export function markPending(partner: Partner, since: string, nextStep: Partner['nextStep'], nextStepDueOn: string | null = null): PartnerDraft {
  return { ...draftOf(partner), status: 'pending', joinedOn: null, pendingSince: since, nextStep, nextStepDueOn, stage: stage('intention_declared', since) };
}

/** Where a partner stands with the MOU, as an admin records it (dates may be unknown). */
export type Adhesion =
  | { status: 'signatory'; signedOn: string | null }
  | { status: 'pending'; since: string | null; nextStep: Partner['nextStep']; nextStepDueOn: string | null };

/**
 * Sets a draft's adhesion fields consistently: a signatory has no pending date nor next step; the
 * stage follows the status, kept when it still fits (a signatory's "announced", a pending "legal review").
 */
export function withAdhesion(draft: PartnerDraft, adhesion: Adhesion): PartnerDraft {
  const signedStage = draft.stage !== null && SIGNED_STAGES.includes(draft.stage.name);
  if (adhesion.status === 'signatory') {
    const kept = signedStage ? draft.stage : adhesion.signedOn ? stage('signed', adhesion.signedOn) : null;
    return { ...draft, status: 'signatory', joinedOn: adhesion.signedOn, pendingSince: null, nextStep: null, nextStepDueOn: null, stage: kept };
  }
  const kept = draft.stage && !signedStage ? draft.stage : adhesion.since ? stage('intention_declared', adhesion.since) : null;
  return { ...draft, status: 'pending', joinedOn: null, pendingSince: adhesion.since, nextStep: adhesion.nextStep, nextStepDueOn: adhesion.nextStepDueOn, stage: kept };
}

export interface StageMove {
  stage: AdhesionStageName;
  /** The day typed: when the stage was reached; for "signing scheduled", the signing date set. */
  date: string;
  /** Today, in the corridor's time zone: when "signing scheduled" was reached. */
  today: string;
  /** Why it is paused or declined. */
  reason?: string | null;
}

/**
 * Moves an adhesion to a stage. Signed and announced make the partner a signatory (signed on the
 * day typed; announced keeps the signing date it had); every other stage keeps it pending.
 */
export function moveToStage(partner: Partner, move: StageMove): PartnerDraft {
  if (move.stage === 'signed') return markSigned(partner, move.date);
  const draft = { ...draftOf(partner), ...withoutStageSource(partner) };
  if (move.stage === 'announced') {
    const joinedOn = partner.joinedOn ?? (partner.stage?.name === 'signed' ? partner.stage.since : null);
    return { ...draft, status: 'signatory', joinedOn, pendingSince: null, nextStep: null, nextStepDueOn: null, stage: stage('announced', move.date) };
  }
  const scheduled = move.stage === 'signing_scheduled';
  const resting = move.stage === 'paused' || move.stage === 'declined';
  const since = scheduled ? move.today : move.date;
  return {
    ...draft,
    status: 'pending',
    joinedOn: null,
    pendingSince: partner.status === 'pending' && partner.pendingSince ? partner.pendingSince : since,
    stage: stage(move.stage, since, { on: scheduled ? move.date : null, reason: resting ? (move.reason ?? null) : null }),
  };
}
