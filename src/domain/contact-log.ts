import { normalize } from './text.js';
import type { ContactEntry, ContactKind } from './types.js';

/** A partner's entries, newest first: by the day of the contact, then by when it was logged. */
export function contactsOf(partnerId: string, entries: readonly ContactEntry[]): ContactEntry[] {
  return entries
    .filter((entry) => entry.partnerId === partnerId && entry.removedAt === null)
    .sort((a, b) => b.on.localeCompare(a.on) || b.createdAt.localeCompare(a.createdAt));
}

/** What the log says of a partner: the last contact and the follow-up still to make. */
export interface ContactSummary {
  last: ContactEntry | undefined;
  /** The follow-up date the newest entry asks for: any contact logged after it is that follow-up, made. */
  nextFollowUpOn: string | undefined;
}

export function contactSummary(partnerId: string, entries: readonly ContactEntry[]): ContactSummary {
  const last = contactsOf(partnerId, entries)[0];
  return { last, nextFollowUpOn: last?.nextFollowUpOn ?? undefined };
}

/** A follow-up date that has passed: the adhesion needs attention. */
export function followUpOverdue(summary: ContactSummary, today: string): boolean {
  return summary.nextFollowUpOn !== undefined && summary.nextFollowUpOn < today;
}

/** Words that open an entry and say its kind, in either language (normalised). */
const KIND_WORDS: Record<ContactKind, readonly string[]> = {
  call: ['call', 'called', 'phone', 'appel', 'appele', 'telephone'],
  meeting: ['meeting', 'met', 'meet', 'reunion', 'rencontre', 'visio'],
  email: ['email', 'e mail', 'mail', 'courriel', 'emailed'],
  note: ['note'],
};

/** What `/corridor log <partner>: <text>` asks for: an entry to add, or the partner's entries to list. */
export type LogRequest =
  | { kind: 'list'; partnerQuery: string }
  | { kind: 'add'; partnerQuery: string; entry: { kind: ContactKind; text: string; nextFollowUpOn: string | null } }
  | { kind: 'incomplete' };

const FOLLOW_UP_AT_END = /\s*[,;.—-]?\s*\b(?:next|follow[- ]?up|relance|suivi|prochain suivi)\s*:?\s*(\d{4}-\d{2}-\d{2})\s*\.?$/iu;

/**
 * Reads `venture lab: Call with their legal counsel, draft sent` (an entry: its kind from the first
 * word, else a note; a closing `next 2026-12-15` / `relance 2026-12-15` sets the follow-up date) or
 * `venture lab` alone (the list).
 */
export function parseLogArguments(args: string): LogRequest {
  const colon = args.indexOf(':');
  if (colon < 0) return args.trim() ? { kind: 'list', partnerQuery: args.trim() } : { kind: 'incomplete' };
  const partnerQuery = args.slice(0, colon).trim();
  let text = args.slice(colon + 1).trim();
  if (!partnerQuery || !text) return { kind: 'incomplete' };
  const followUp = FOLLOW_UP_AT_END.exec(text);
  if (followUp && followUp.index > 0) text = text.slice(0, followUp.index).trim();
  return { kind: 'add', partnerQuery, entry: { kind: kindOf(text), text, nextFollowUpOn: followUp && followUp.index > 0 ? followUp[1]! : null } };
}

/** The kind the first word (or two) says; a note otherwise. The words stay in the text: they read well there. */
function kindOf(text: string): ContactKind {
  const opening = normalize(text).split(' ').slice(0, 2);
  for (const [kind, words] of Object.entries(KIND_WORDS) as [ContactKind, readonly string[]][]) {
    if (words.some((word) => word === opening[0] || word === opening.slice(0, 2).join(' '))) return kind;
  }
  return 'note';
}

/** A new entry's ID: the partner's, the day, and a suffix the caller makes unique. */
export function contactId(partnerId: string, on: string, unique: string): string {
  return `${partnerId}-${on}-${unique}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
}

/** Each partner's last contact day, for the partners that have one. */
export function lastContactDays(entries: readonly ContactEntry[]): Map<string, string> {
  const days = new Map<string, string>();
  for (const entry of entries) {
    if (entry.removedAt !== null) continue;
    const known = days.get(entry.partnerId);
    if (!known || entry.on > known) days.set(entry.partnerId, entry.on);
  }
  return days;
}
