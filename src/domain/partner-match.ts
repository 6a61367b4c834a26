import { distance } from 'fastest-levenshtein';
import type { Partner } from './types.js';
import { normalize, words } from './text.js';

export type PartnerMatch =
  | { kind: 'one'; partner: Partner }
  | { kind: 'many'; partners: Partner[] }
  | { kind: 'none'; suggestion: Partner | undefined };

/** Short words that initials may include whole or skip ("UdeS", "CPQ"). */
const LINK_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'of', 'and', 'et', 'the', 'for', 'en', 'd', 'l']);

/**
 * Finds the partner someone means. Tiers, best first: exact name or acronym or ID; initials
 * ("udes" for Université de Sherbrooke); every typed word starting a word of the name
 * ("vermont", "univ sherb"); then the closest name by edit distance as a suggestion.
 */
export function matchPartner(query: string, partners: Partner[]): PartnerMatch {
  const typed = normalize(query);
  if (!typed) return { kind: 'none', suggestion: undefined };
  const tiers: ((partner: Partner) => boolean)[] = [
    (partner) => namesOf(partner).some((name) => normalize(name) === typed) || partner.id === typed.replace(/ /g, '-'),
    (partner) => !typed.includes(' ') && namesOf(partner).some((name) => isInitialism(typed, words(name))),
    (partner) => namesOf(partner).some((name) => wordsStartWith(words(typed), words(name))),
    (partner) => namesOf(partner).some((name) => normalize(name).includes(typed)),
  ];
  for (const inTier of tiers) {
    const found = partners.filter(inTier);
    if (found.length === 1) return { kind: 'one', partner: found[0]! };
    if (found.length > 1) return { kind: 'many', partners: found };
  }
  return { kind: 'none', suggestion: closestPartner(typed, partners) };
}

function namesOf(partner: Partner): string[] {
  return [partner.name, partner.officialName, partner.acronym].filter((name): name is string => Boolean(name));
}

/** True when `typed` can be read as prefixes of the name's words, in order (link words optional). */
export function isInitialism(typed: string, nameWords: string[]): boolean {
  if (typed.length < 2 || nameWords.length < 2) return false;
  const consume = (rest: string, index: number): boolean => {
    if (rest === '') return nameWords.slice(index).every((word) => LINK_WORDS.has(word));
    const word = nameWords[index];
    if (word === undefined) return false;
    if (LINK_WORDS.has(word) && consume(rest, index + 1)) return true;
    // Each word gives its first letter, or more of its beginning ("udes": u + de + s).
    for (let length = 1; length <= Math.min(word.length, rest.length); length++) {
      if (!word.startsWith(rest.slice(0, length))) break;
      if (consume(rest.slice(length), index + 1)) return true;
    }
    return false;
  };
  return consume(typed, 0);
}

function wordsStartWith(typedWords: string[], nameWords: string[]): boolean {
  return typedWords.every((typedWord) => nameWords.some((word) => word.startsWith(typedWord)));
}

function closestPartner(typed: string, partners: Partner[]): Partner | undefined {
  let best: { partner: Partner; score: number } | undefined;
  for (const partner of partners) {
    for (const name of namesOf(partner)) {
      const candidate = normalize(name);
      // Compare against the name's start too, so a short typo of a long name still scores well.
      const score = Math.min(distance(typed, candidate), distance(typed, candidate.slice(0, typed.length)) + 1);
      if (!best || score < best.score) best = { partner, score };
    }
  }
  // Beyond half the typed length the "closest" name is a guess, not a suggestion.
  return best && best.score <= Math.max(2, Math.ceil(typed.length / 2)) ? best.partner : undefined;
}
