import type { BilingualText } from '../domain/types.js';
import { catalogue, type Catalogue } from './index.js';

/** The same sentence from both catalogues. */
export function bothLanguages(render: (words: Catalogue) => string): BilingualText {
  return { fr: render(catalogue('fr')), en: render(catalogue('en')) };
}

/**
 * An error the user reads and can fix. `message` is the English text (what logs and tests see);
 * `text` holds both languages, for the CLI to print the user's (see runCli).
 */
export class BilingualError extends Error {
  readonly text: BilingualText;

  constructor(text: string | BilingualText) {
    const both = typeof text === 'string' ? { fr: text, en: text } : text;
    super(both.en);
    this.name = new.target.name;
    this.text = both;
  }
}
