import { z } from 'zod';
import type { Lang } from './lang.js';
import { normalize } from './text.js';

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
  return { lang, name: commandWord(first), rest: others.join(' ') };
}

function commandWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * `à propos`, `en attente`: a name people type as two words reads as the hyphenated name it is
 * (`a-propos`), when the first word alone names no command and the two joined do.
 */
export function withTwoWordName(text: CommandText, isName: (name: string) => boolean): CommandText {
  if (text.name === '' || isName(text.name)) return text;
  const [second = '', ...others] = text.rest.split(/\s+/);
  const joined = `${text.name}-${commandWord(second)}`;
  return second !== '' && isName(joined) ? { ...text, name: joined, rest: others.join(' ') } : text;
}

/** First words that turn `partner …`, `event …`, `action …` into adding a record. */
const ADD_WORDS = new Set(['add', 'create', 'ajouter', 'ajout', 'creer']);
/** Adding words that also begin names ("New Hampshire", "Nouvelle-Écosse"): verbs only when alone. */
const NEW_WORDS = new Set(['new', 'nouveau', 'nouvelle', 'nouvel']);
const EDIT_WORDS = new Set(['edit', 'change', 'update', 'modifier', 'modif', 'changer']);

export type Verb = { kind: 'add'; rest: string } | { kind: 'edit'; rest: string } | { kind: 'lookup'; query: string };

/** How a subcommand's records answer to a text. */
export interface RecordFinder {
  /** The text is a record's own name or ID, typed in full (a partner called "Change Lab"). */
  names(query: string): boolean;
  /** The text finds at least one record, however loosely. */
  finds(query: string): boolean;
}

/**
 * Reads what a subcommand's arguments ask for. A verb counts only where it reads as one:
 * - `add` (`ajouter`…) alone opens an empty form; followed by words that find a record, it shows
 *   that record (it exists already); followed by other words, the form opens with them as the name;
 * - `new` (`nouveau`…) alone opens the form too, but followed by words it is the start of a name:
 *   `partner new hampshire` looks up "new hampshire";
 * - `edit` (`modifier`…) edits the record the following words find;
 * - a whole text that is a record's own name is always a lookup.
 */
export function readVerb(args: string, records: RecordFinder): Verb {
  const query = args.trim();
  const [first = '', ...others] = query.split(/\s+/);
  const word = normalize(first);
  const rest = others.join(' ');
  const isAdd = ADD_WORDS.has(word) || NEW_WORDS.has(word);
  if ((!isAdd && !EDIT_WORDS.has(word)) || records.names(query)) return { kind: 'lookup', query };
  if (!isAdd) return { kind: 'edit', rest };
  if (rest === '') return { kind: 'add', rest };
  if (NEW_WORDS.has(word)) return { kind: 'lookup', query };
  return records.finds(rest) ? { kind: 'lookup', query: rest } : { kind: 'add', rest };
}
