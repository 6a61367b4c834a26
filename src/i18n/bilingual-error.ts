import type { BilingualText } from '../domain/types.js';
import { catalogue, type Catalogue, type Lang } from './index.js';

/**
 * The one way to say a thing in both languages: the same sentence from each catalogue (`lang` for
 * what is already written per language). Text that reads the same in both: `() => text`.
 */
export function bothLanguages(render: (words: Catalogue, lang: Lang) => string): BilingualText {
  return { fr: render(catalogue('fr'), 'fr'), en: render(catalogue('en'), 'en') };
}

/**
 * An error the user reads and can fix. `message` is the English text (what logs and tests see);
 * `text` holds both languages, for the CLI to print the user's (see runCli).
 */
export class BilingualError extends Error {
  readonly text: BilingualText;

  constructor(text: string | BilingualText) {
    const both = typeof text === 'string' ? bothLanguages(() => text) : text;
    super(both.en);
    this.name = new.target.name;
    this.text = both;
  }
}
