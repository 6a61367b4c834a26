import { distance } from 'fastest-levenshtein';
import { everyWordMatches, isTypoOf } from './fuzzy.js';
import type { Partner, Person } from './types.js';
import { normalize, words } from './text.js';

export type PartnerMatch =
  | { kind: 'one'; partner: Partner }
  | { kind: 'many'; partners: Partner[] }
  | { kind: 'none'; suggestion: Partner | undefined };

/** Short words that initials may include whole or skip ("UdeS", "CPQ"). */
const LINK_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'of', 'and', 'et', 'the', 'for', 'en', 'd', 'l']);

type Tier = (candidate: Candidate) => boolean;

/**
 * Finds the partner someone means. Tiers, best first, the first that finds anything wins: a name,
 * acronym, usual short name (`aliases`) or ID typed in full; one of them with a typo or two
 * ("distrik"); initials ("udes" for Université de Sherbrooke); every typed word starting a word of
 * one name ("vermont", "univ sherb"); part of a name; words of a name, each with a typo or two
 * ("univ sherbroke"); the designation ("quantique" for Distriq); one of its people ("duclos").
 * Failing all, the closest name by edit distance is a suggestion.
 */
export function matchPartner(query: string, partners: readonly Partner[], people: readonly Person[] = []): PartnerMatch {
  return matchInTiers(query, partners, (typed) => [...nameTiers(typed), ...otherTiers(typed, people)]);
}

/**
 * True when the text finds a partner by one of its names, however loosely: `partner add Quantum
 * Labs` must open the form, not show Distriq because "quantum" is in its designation.
 */
export function namesPartner(query: string, partners: readonly Partner[]): boolean {
  return matchInTiers(query, partners, nameTiers).kind !== 'none';
}

/**
 * A partner named by the first words of the text, the words after them left out: `c2mi extra words`
 * is C2MI, leaving out "extra words". Undefined when the whole text finds a partner, or no first
 * words are one partner's whole name, short name or initials (a typo forgiven): the start of a name
 * is too loose a reading here, `new brunswick innovation` is not New Hampshire.
 */
export function partnerNamedFirst(query: string, partners: readonly Partner[]): { partner: Partner; leftOut: string } | undefined {
  const typed = query.trim().split(/\s+/);
  for (let count = typed.length - 1; count >= 1; count--) {
    const match = matchInTiers(typed.slice(0, count).join(' '), partners, (words) => nameTiers(words).slice(0, WHOLE_NAME_TIERS));
    if (match.kind === 'one') return { partner: match.partner, leftOut: typed.slice(count).join(' ') };
    if (match.kind === 'many') return undefined;
  }
  return undefined;
}

/** A partner with its names normalised once per lookup: each tier reads them again. */
interface Candidate {
  partner: Partner;
  names: string[];
  nameWords: string[][];
}

function matchInTiers(query: string, partners: readonly Partner[], tiersFor: (typed: string) => Tier[]): PartnerMatch {
  const typed = normalize(query);
  if (!typed) return { kind: 'none', suggestion: undefined };
  const candidates = partners.map((partner): Candidate => {
    const names = namesOf(partner).map(normalize);
    return { partner, names, nameWords: names.map((name) => name.split(' ')) };
  });
  for (const inTier of tiersFor(typed)) {
    const found = candidates.filter(inTier).map((candidate) => candidate.partner);
    if (found.length === 1) return { kind: 'one', partner: found[0]! };
    if (found.length > 1) return { kind: 'many', partners: found };
  }
  return { kind: 'none', suggestion: closestPartner(typed, candidates) };
}

/** The first tiers of nameTiers: a whole name, a whole name mistyped, initials. */
const WHOLE_NAME_TIERS = 3;

function nameTiers(typed: string): Tier[] {
  const typedWords = typed.split(' ');
  const namesAre = (test: (name: string, nameWords: string[]) => boolean): Tier => ({ names, nameWords }) => names.some((name, i) => test(name, nameWords[i]!));
  return [
    ({ partner, names }) => names.includes(typed) || partner.id === typedWords.join('-'),
    // A whole name with a typo comes before initials: "cmi" is C2MI mistyped before it is C + Mi(crosystems).
    namesAre((name) => isTypoOf(typed, name)),
    namesAre((_name, nameWords) => typedWords.length === 1 && isInitialism(typed, nameWords)),
    namesAre((_name, nameWords) => typedWords.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)))),
    namesAre((name) => name.includes(typed)),
    namesAre((_name, nameWords) => everyWordMatches(typedWords, nameWords)),
  ];
}

function otherTiers(typed: string, people: readonly Person[]): Tier[] {
  const typedWords = typed.split(' ');
  return [
    ({ partner }) => [partner.designation?.fr, partner.designation?.en].some((text) => text && everyWordMatches(typedWords, words(text))),
    ({ partner }) => people.some((person) => person.partnerId === partner.id && everyWordMatches(typedWords, words(person.name))),
  ];
}

/** Every name the partner goes by: its name, official name, acronym and usual short names. */
export function namesOf(partner: Partner): string[] {
  return [partner.name, partner.officialName, partner.acronym, ...partner.aliases].filter((name): name is string => Boolean(name?.trim()));
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

function closestPartner(typed: string, candidates: readonly Candidate[]): Partner | undefined {
  let best: { partner: Partner; score: number } | undefined;
  for (const { partner, names } of candidates) {
    for (const candidate of names) {
      // Compare against the name's start too, so a short typo of a long name still scores well.
      const score = Math.min(distance(typed, candidate), distance(typed, candidate.slice(0, typed.length)) + 1);
      // Half the letters changed is another word: "chips" is not a typo of "CPQ".
      const alike = score * 2 <= Math.max(typed.length, candidate.length);
      if (alike && (!best || score < best.score)) best = { partner, score };
    }
  }
  // Beyond half the typed length the "closest" name is a guess, not a suggestion.
  return best && best.score <= Math.max(2, Math.ceil(typed.length / 2)) ? best.partner : undefined;
}

/**
 * The partner a free text (a Slack message) speaks of: the one whose name, acronym or usual short
 * name it contains as whole words, the longest such name winning. Undefined when it names none.
 */
export function partnerNamedIn(text: string, partners: readonly Partner[]): Partner | undefined {
  const padded = ` ${normalize(text)} `;
  let best: { partner: Partner; length: number } | undefined;
  for (const partner of partners) {
    for (const name of namesOf(partner).map(normalize)) {
      if (name.length >= 2 && padded.includes(` ${name} `) && (!best || name.length > best.length)) best = { partner, length: name.length };
    }
  }
  return best?.partner;
}
