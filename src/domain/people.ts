import { distance } from 'fastest-levenshtein';
import { normalize, words } from './text.js';
import type { Person } from './types.js';

export type PeopleMatch = { kind: 'found'; people: Person[] } | { kind: 'none'; suggestion: Person | undefined };

/** What else a person is known by: their organisation's names (partner or affiliation), in either language. */
export type OrganisationNames = (person: Person) => readonly string[];

/**
 * The people someone means, forgiving case and accents. Tiers, best first: the exact name; every
 * typed word starting a word of the name ("welch", "rene sylv"); every typed word starting a word
 * of the name, title or organisation ("technum", "boston"); then the closest name as a suggestion.
 * An empty query finds everyone. People come back sorted by name.
 */
export function findPeople(query: string, people: readonly Person[], organisationOf: OrganisationNames): PeopleMatch {
  const typed = words(query);
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name));
  if (typed.length === 0) return { kind: 'found', people: sorted };
  const tiers: ((person: Person) => boolean)[] = [
    (person) => normalize(person.name) === typed.join(' '),
    (person) => wordsStartWords(typed, words(person.name)),
    (person) => wordsStartWords(typed, [person.name, person.title?.fr, person.title?.en, ...organisationOf(person)].flatMap((text) => words(text ?? ''))),
  ];
  for (const inTier of tiers) {
    const found = sorted.filter(inTier);
    if (found.length) return { kind: 'found', people: found };
  }
  return { kind: 'none', suggestion: closestPerson(typed.join(' '), sorted) };
}

function wordsStartWords(typed: readonly string[], known: readonly string[]): boolean {
  return typed.every((word) => known.some((candidate) => candidate.startsWith(word)));
}

/** The person whose name (or one word of it) is nearest a mistyped query, when near enough to be a typo. */
function closestPerson(typed: string, people: readonly Person[]): Person | undefined {
  let best: { person: Person; score: number } | undefined;
  for (const person of people) {
    for (const candidate of [normalize(person.name), ...words(person.name)]) {
      const score = distance(typed, candidate);
      if (!best || score < best.score) best = { person, score };
    }
  }
  return best && best.score <= Math.max(1, Math.floor(typed.length / 3)) ? best.person : undefined;
}

/** True when the whole text is a person's name: `person add` must not hide someone called "Add". */
export function namesPerson(text: string, people: readonly Person[]): boolean {
  const typed = normalize(text);
  return people.some((person) => normalize(person.name) === typed || person.id === typed.replace(/ /g, '-'));
}
