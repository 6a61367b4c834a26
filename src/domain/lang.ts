/** The corridor's two languages: every text shown to people exists in both. */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
