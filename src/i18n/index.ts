import type { Lang } from '../domain/lang.js';
import type { BilingualText } from '../domain/types.js';
import { en, type Catalogue } from './en.js';
import { fr } from './fr.js';

// Lang is the domain's; the catalogues' users find it here with them.
export { LANGS, type Lang } from '../domain/lang.js';

const catalogues: Record<Lang, Catalogue> = { fr, en };

export function catalogue(lang: Lang): Catalogue {
  return catalogues[lang];
}

/** Slack locales such as `fr-CA` or `fr-FR` read French; everything else English. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function pick(text: BilingualText, lang: Lang): string {
  return text[lang];
}

export type { Catalogue };
