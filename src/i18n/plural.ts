import type { Lang } from '../domain/lang.js';

/** Picks a word's singular or plural for a count. */
export type Plural = (count: number, one: string, other: string) => string;

/**
 * The one way the catalogues agree a word with a count, by the language's CLDR rules: in English
 * only 1 is singular ("0 action items"), in French 0 and 1 are ("0 action ouverte").
 */
export function pluralFor(lang: Lang): Plural {
  const rules = new Intl.PluralRules(lang);
  return (count, one, other) => (rules.select(count) === 'one' ? one : other);
}
