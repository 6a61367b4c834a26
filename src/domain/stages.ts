import { closestName } from './fuzzy.js';
import { normalize } from './text.js';
import { adhesionStages, type AdhesionStage, type AdhesionStageName, type Partner } from './types.js';

/**
 * Where an adhesion stands. A partner recorded before stages existed has none stored: a pending one
 * is read as having declared its intention on the day it became pending, a signatory as signed on
 * its signing date (unknown for the founding signatories).
 */
export function stageOf(partner: Pick<Partner, 'status' | 'stage' | 'pendingSince' | 'joinedOn'>): AdhesionStage | undefined {
  if (partner.stage) return partner.stage;
  if (partner.status === 'pending') return partner.pendingSince ? { name: 'intention_declared', since: partner.pendingSince, on: null, reason: null } : undefined;
  return partner.joinedOn ? { name: 'signed', since: partner.joinedOn, on: null, reason: null } : undefined;
}

/** Stages after which the partner has signed the MOU. */
export const SIGNED_STAGES: readonly AdhesionStageName[] = ['signed', 'announced'];

/** Stages whose adhesion waits on no one: nothing to chase, never "overdue". */
export const RESTING_STAGES: readonly AdhesionStageName[] = ['paused', 'declined'];

/** Words people type for each stage, in either language, normalised (see text.ts). */
const STAGE_WORDS: Record<AdhesionStageName, readonly string[]> = {
  intention_declared: ['intention declared', 'intention', 'declared', 'intention declaree', 'declaration d intention', 'interest'],
  document_sent: ['adhesion document sent', 'document sent', 'draft sent', 'sent', 'document', 'document envoye', 'document d adhesion envoye', 'envoye', 'envoi'],
  legal_review: ['legal review', 'legal', 'review', 'examen juridique', 'revue juridique', 'juridique', 'examen', 'analyse juridique'],
  signing_scheduled: ['signing scheduled', 'signing', 'scheduled', 'signature prevue', 'signature planifiee', 'signature'],
  signed: ['signed', 'signatory', 'signe', 'signee', 'signataire'],
  announced: ['announced', 'announcement', 'annonce', 'annoncee', 'annonce publique'],
  paused: ['paused', 'pause', 'on hold', 'hold', 'en pause', 'suspendu', 'suspendue', 'en suspens'],
  declined: ['declined', 'decline', 'refused', 'withdrawn', 'refus', 'refuse', 'refusee', 'abandon', 'abandonne', 'retire'],
};

const PHRASES = adhesionStages.flatMap((name) => [name.replace(/_/g, ' '), ...STAGE_WORDS[name]].map((phrase) => ({ name: phrase, value: name })));
const LONGEST_PHRASE = Math.max(...PHRASES.map(({ name }) => name.split(' ').length));

/** A stage named in words, exactly (`legal review`, `examen juridique`) or with a typo (`legl review`). */
export function stageNamed(text: string): AdhesionStageName | undefined {
  const typed = normalize(text);
  if (!typed) return undefined;
  return PHRASES.find(({ name }) => name === typed)?.value ?? closestName(typed, PHRASES);
}

export interface StageInText {
  stage: AdhesionStageName;
  /** The words before the stage: whom it is about. */
  before: string;
}

/**
 * Finds the stage at the end of `text` (`venture lab legal review`): the longest run of final words
 * that names a stage exactly, else the last word or two with a typo. Undefined when none does.
 */
export function stageAtEnd(text: string): StageInText | undefined {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  for (let count = Math.min(LONGEST_PHRASE, tokens.length); count >= 1; count--) {
    const phrase = normalize(tokens.slice(-count).join(' '));
    const exact = PHRASES.find(({ name }) => name === phrase);
    if (exact) return { stage: exact.value, before: tokens.slice(0, -count).join(' ') };
  }
  for (let count = Math.min(2, tokens.length); count >= 1; count--) {
    const phrase = normalize(tokens.slice(-count).join(' '));
    const close = phrase.length >= 4 ? closestName(phrase, PHRASES) : undefined;
    if (close) return { stage: close, before: tokens.slice(0, -count).join(' ') };
  }
  return undefined;
}
