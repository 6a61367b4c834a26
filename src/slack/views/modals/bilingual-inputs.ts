import type { InputBlock } from '@slack/types';
import type { BilingualText } from '../../../domain/types.js';
import type { Catalogue, Lang } from '../../../i18n/index.js';
import { textInput } from './inputs.js';

export interface BilingualInputOptions {
  blockIds: { fr: string; en: string };
  label: string;
  initial: BilingualText | null | undefined;
  maxLength: number;
  multiline?: boolean;
  lang: Lang;
  t: Catalogue;
  /** Extra hint for the first of the two inputs (the language hint is always added). */
  hint?: string;
}

/**
 * A text in both languages as two optional inputs, the reader's language first: either may be
 * left blank and takes the other's text (the form schema checks at least one is filled when needed).
 */
export function bilingualInputs({ blockIds, label, initial, maxLength, multiline, lang, t, hint }: BilingualInputOptions): InputBlock[] {
  const fr = textInput(blockIds.fr, t.forms.inFrench(label), { initial: initial?.fr, maxLength, multiline, optional: true });
  const en = textInput(blockIds.en, t.forms.inEnglish(label), { initial: initial?.en, maxLength, multiline, optional: true });
  const [first, second] = lang === 'fr' ? [fr, en] : [en, fr];
  const firstHint = [hint, t.forms.otherLanguageHint].filter(Boolean).join(' ');
  return [{ ...first, hint: { type: 'plain_text', text: firstHint, emoji: true } }, second];
}
