import { z } from 'zod';
import type { Lang } from './lang.js';

export interface CommandText {
  /** Language forced by `--fr` / `--en`, if any. */
  lang: Lang | undefined;
  /** First word, the subcommand, lowercased with accents stripped; '' when none. */
  name: string;
  /** The rest, as typed (flags removed). */
  rest: string;
}

/** Slack caps slash command text; anything longer is refused rather than parsed. */
export const MAX_COMMAND_TEXT = 4000;

export const commandTextInput = z.string().max(MAX_COMMAND_TEXT);

const LANG_FLAG = /(^|\s)--(fr|en)(?=\s|$)/gi;

export function parseCommandText(raw: string): CommandText {
  let lang: Lang | undefined;
  const withoutFlags = raw.replace(LANG_FLAG, (_match, space: string, flag: string) => {
    lang = flag.toLowerCase() as Lang;
    return space;
  });
  const trimmed = withoutFlags.trim();
  const [first = '', ...others] = trimmed.split(/\s+/);
  return {
    lang,
    name: first.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    rest: others.join(' '),
  };
}
