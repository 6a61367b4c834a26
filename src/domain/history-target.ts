import { findActions, findTrack } from './action-items.js';
import { findEvents } from './events.js';
import { matchPartner, namesPartner } from './partner-match.js';
import { findPeople, type OrganisationNames } from './people.js';
import { normalize } from './text.js';
import type { ActionItem, CorridorEvent, Partner, Person, Track } from './types.js';

/** Every record whose history can be asked for, removed ones included. */
export interface HistoryRecords {
  partners: readonly Partner[];
  people: readonly Person[];
  events: readonly CorridorEvent[];
  actions: readonly ActionItem[];
  tracks: readonly Track[];
}

/** What `history <words>` is about: the records of one kind it finds (one, or several to choose from), or none. */
export type HistoryTarget =
  | { kind: 'partner'; records: Partner[] }
  | { kind: 'person'; records: Person[] }
  | { kind: 'event'; records: CorridorEvent[] }
  | { kind: 'action'; records: ActionItem[] }
  | { kind: 'about' }
  | { kind: 'track'; track: Track }
  | { kind: 'none'; suggestion: Partner | undefined };

/** What the about card answers to in `history <words>`, as normalize() leaves them. */
const ABOUT_WORDS = new Set(['about', 'a propos', 'apropos', 'about card', 'corridor']);

/**
 * The record someone means, kind by kind: the about card ("about", "à propos"), a partner by one
 * of its names ("c2mi"), then a person ("welch"), an event (its title, place, date or people:
 * "2025-04-16"), an action item, a track (its number or words of its title), and last a partner by
 * its designation. The first kind that finds anything wins; failing all, the closest partner's
 * name is a suggestion.
 */
export function findHistoryTarget(query: string, records: HistoryRecords, organisationNames: OrganisationNames): HistoryTarget {
  const { partners, people, events, actions, tracks } = records;
  if (ABOUT_WORDS.has(normalize(query))) return { kind: 'about' };
  if (namesPartner(query, partners)) return partnerTarget(matchPartner(query, partners));
  const person = findPeople(query, people, organisationNames);
  if (person.kind === 'found' && person.people.length > 0) return { kind: 'person', records: person.people };
  const eventsFound = findEvents(query, events, { partners, people });
  if (eventsFound.length > 0) return { kind: 'event', records: eventsFound };
  const actionsFound = findActions(query, [...actions]);
  if (actionsFound.length > 0) return { kind: 'action', records: actionsFound };
  const track = findTrack(query, [...tracks]);
  if (track) return { kind: 'track', track };
  return partnerTarget(matchPartner(query, partners));
}

function partnerTarget(match: ReturnType<typeof matchPartner>): HistoryTarget {
  if (match.kind === 'one') return { kind: 'partner', records: [match.partner] };
  if (match.kind === 'many') return { kind: 'partner', records: match.partners };
  return { kind: 'none', suggestion: match.suggestion };
}
