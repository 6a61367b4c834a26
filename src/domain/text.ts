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

/** Lowercase, accents stripped, punctuation folded to spaces: how people type names in a hurry. */
export function normalize(text: string): string {
  return withoutInvisibleCharacters(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function words(text: string): string[] {
  const normalized = normalize(text);
  return normalized ? normalized.split(' ') : [];
}
