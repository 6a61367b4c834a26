import { findActions } from './action-items.js';
import { findEvents } from './events.js';
import { matchPartner, namesPartner } from './partner-match.js';
import { findPeople, type OrganisationNames } from './people.js';
import type { ActionItem, CorridorEvent, Partner, Person } from './types.js';

/** Every record whose history can be asked for, removed ones included. */
export interface HistoryRecords {
  partners: readonly Partner[];
  people: readonly Person[];
  events: readonly CorridorEvent[];
  actions: readonly ActionItem[];
}

/** What `history <words>` is about: the records of one kind it finds (one, or several to choose from), or none. */
export type HistoryTarget =
  | { kind: 'partner'; records: Partner[] }
  | { kind: 'person'; records: Person[] }
  | { kind: 'event'; records: CorridorEvent[] }
  | { kind: 'action'; records: ActionItem[] }
  | { kind: 'none'; suggestion: Partner | undefined };

/**
 * The record someone means, kind by kind: a partner by one of its names ("c2mi"), then a person
 * ("welch"), an event (its title, place, date or people: "2025-04-16"), an action item, and last a
 * partner by its designation. The first kind that finds anything wins; failing all, the closest
 * partner's name is a suggestion.
 */
export function findHistoryTarget(query: string, records: HistoryRecords, organisationNames: OrganisationNames): HistoryTarget {
  const { partners, people, events, actions } = records;
  if (namesPartner(query, partners)) return partnerTarget(matchPartner(query, partners));
  const person = findPeople(query, people, organisationNames);
  if (person.kind === 'found' && person.people.length > 0) return { kind: 'person', records: person.people };
  const eventsFound = findEvents(query, events, { partners, people });
  if (eventsFound.length > 0) return { kind: 'event', records: eventsFound };
  const actionsFound = findActions(query, [...actions]);
  if (actionsFound.length > 0) return { kind: 'action', records: actionsFound };
  return partnerTarget(matchPartner(query, partners));
}

function partnerTarget(match: ReturnType<typeof matchPartner>): HistoryTarget {
  if (match.kind === 'one') return { kind: 'partner', records: [match.partner] };
  if (match.kind === 'many') return { kind: 'partner', records: match.partners };
  return { kind: 'none', suggestion: match.suggestion };
}
