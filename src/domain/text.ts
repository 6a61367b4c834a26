import anyAscii from 'any-ascii';

/**
 * Characters that show nothing or silently reorder what is shown: soft hyphen, zero-width spaces
 * and joiners, bidirectional marks, embeddings, overrides and isolates, word joiner and invisible
 * operators, byte-order mark, fillers. Pasted into a name, they make "C", U+200B, "2MI" look like
 * "C2MI" while comparing different, or make a name read backwards.
 */
export const INVISIBLE_CHARACTER = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0]/u;
const EVERY_INVISIBLE_CHARACTER = new RegExp(INVISIBLE_CHARACTER.source, 'gu');

export function hasInvisibleCharacters(text: string): boolean {
  return INVISIBLE_CHARACTER.test(text);
}

export function withoutInvisibleCharacters(text: string): string {
  return text.replace(EVERY_INVISIBLE_CHARACTER, '');
}

/**
 * Cyrillic and Greek letters drawn like Latin ones, in lowercase (Unicode's confusables for the
 * Latin alphabet): "Сorridor" typed with a Cyrillic С is the same name as "Corridor", where
 * transliteration would read it as "s". Lowercase first, so "НАТАЛЬЯ" and "Наталья" stay one name.
 */
const LATIN_LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', ү: 'y', һ: 'h',
  ο: 'o', ν: 'v', ι: 'i', α: 'a', κ: 'k', τ: 't', χ: 'x',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LATIN_LOOK_ALIKES).join('')}]`, 'gu');

/** Lowercase ASCII words separated by single spaces, out of text already transliterated. */
function asciiWords(latin: string): string {
  return latin
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Compatibility forms unfolded (fullwidth "Ｃ２ＭＩ" is "C2MI"), lowercase, nothing invisible. */
function unfolded(text: string): string {
  return withoutInvisibleCharacters(text).normalize('NFKC').toLowerCase();
}

/**
 * Every letter transliterated, as record IDs need: œ → oe, ß → ss, ł → l, Søren → soren, 李明 → liming;
 * lowercase words, punctuation folded to spaces.
 */
export function transliterate(text: string): string {
  return asciiWords(anyAscii(unfolded(text)));
}

/**
 * How people type names in a hurry, and how a look-alike passes for a name: accents, ligatures and
 * other scripts transliterated as for IDs, look-alike letters read as the Latin letter they imitate.
 */
export function normalize(text: string): string {
  return asciiWords(anyAscii(unfolded(text).replace(LOOK_ALIKE, (letter) => LATIN_LOOK_ALIKES[letter]!)));
}

export function words(text: string): string[] {
  const normalized = normalize(text);
  return normalized ? normalized.split(' ') : [];
}
