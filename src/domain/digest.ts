import { groupByTrack, isOpen, isOverdue } from './action-items.js';
import { addDays, mondayOf } from './dates.js';
import { changeCount, changesOf, type DigestChanges } from './digest-changes.js';
import { eventsWhen } from './events.js';
import type { ActionItem, CorridorEvent, HistoryEntry, Partner, Track } from './types.js';
import { sortPending } from './partner-order.js';

/** How far ahead the digest looks for events. */
export const DIGEST_UPCOMING_DAYS = 30;

export interface DigestInput {
  /** Today in the corridor's zone, `YYYY-MM-DD`. */
  today: string;
  /** Local date of the previous digest, when there was one. */
  previousDigestOn: string | undefined;
  /** Removed records included: a removal is news (the other parts leave them out). */
  events: CorridorEvent[];
  partners: Partner[];
  actions: ActionItem[];
  tracks: Track[];
  /** Changes recorded since the previous digest (or the lookback), oldest first. */
  changes: HistoryEntry[];
}

export interface DigestTrack {
  /** Null for action items that belong to no track. */
  track: Track | null;
  open: ActionItem[];
  overdue: number;
}

export interface Digest {
  today: string;
  /** Start of "just past" and "what changed": the previous digest's date or the Monday of this week. */
  since: string;
  sincePreviousDigest: boolean;
  upcoming: CorridorEvent[];
  recent: CorridorEvent[];
  pending: Partner[];
  tracks: DigestTrack[];
  changes: DigestChanges;
}

/**
 * Where the digest's look back starts: the previous digest's date, or without one the start of
 * its own week, the Monday its title names ("week of …"), whatever day it is posted on.
 */
export function digestSince(today: string, previousDigestOn: string | undefined): string {
  return previousDigestOn && previousDigestOn < today ? previousDigestOn : mondayOf(today);
}

/** The digest's content, from the store's data; the views decide how much of it fits. */
export function buildDigest(input: DigestInput): Digest {
  const { today } = input;
  const since = digestSince(today, input.previousDigestOn);
  const horizon = addDays(today, DIGEST_UPCOMING_DAYS);
  const live = <T extends { removedAt: string | null }>(records: T[]) => records.filter((record) => record.removedAt === null);
  const events = live(input.events);
  const upcoming = eventsWhen(events, 'upcoming', today).filter((event) => event.date <= horizon);
  const recent = eventsWhen(events, 'past', today).filter((event) => event.date >= since);
  const partners = live(input.partners);
  // The same order as every other list of partners.
  const pending = sortPending(partners);
  const actions = live(input.actions);
  const tracks = groupByTrack(actions.filter(isOpen), input.tracks).map((group) => ({
    track: group.track,
    open: [...group.items].sort((a, b) => overdueFirst(a, b, today)),
    overdue: group.items.filter((item) => isOverdue(item, today)).length,
  }));
  return {
    today,
    since,
    sincePreviousDigest: input.previousDigestOn !== undefined && input.previousDigestOn < today,
    upcoming,
    recent,
    pending,
    tracks,
    changes: changesOf(input.changes, { partners: input.partners, events: input.events, actions: input.actions }),
  };
}

function overdueFirst(a: ActionItem, b: ActionItem, today: string): number {
  const overdue = Number(isOverdue(b, today)) - Number(isOverdue(a, today));
  return overdue || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.id.localeCompare(b.id);
}

/** Nothing changed in the records since the previous digest. */
export function digestIsQuiet(digest: Digest): boolean {
  return changeCount(digest.changes) === 0;
}
