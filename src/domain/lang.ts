/** The corridor's two languages: every text shown to people exists in both. */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** Letters English does not write, and short words only French uses, to tell a French question. */
const FRENCH_LETTERS = /[éèêàâçùûôîïœ]/i;
const FRENCH_WORDS = new Set(['qui', 'quoi', 'quand', 'comment', 'pourquoi', 'quel', 'quelle', 'quels', 'quelles', 'est-ce', 'les', 'des', 'du', 'une', 'je', 'vous', 'nous', 'avec', 'pour', 'dans', 'cette', 'sont', 'ont', 'le', 'la']);

/**
 * True when a text nobody could read as a command looks French (`qui a parlé ?`): its letters, its
 * short words, or a space before its question mark. The answer then speaks the asker's language.
 */
export function looksFrench(text: string): boolean {
  if (FRENCH_LETTERS.test(text) || /\s[?!]/.test(text)) return true;
  return text.toLowerCase().split(/[^\p{L}'’-]+/u).some((word) => FRENCH_WORDS.has(word));
}
