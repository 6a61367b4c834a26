import type { ModalView } from '@slack/types';
import { normalize } from '../../domain/text.js';
import type { Reply } from '../blocks.js';
import { refusalView } from '../views/refusal-view.js';
import { messageView } from '../views/message-view.js';
import type { CommandContext } from './command.js';

/** First words that turn `partner …`, `event …` and `action …` into a change instead of a lookup. */
const ADD_WORDS = new Set(['add', 'new', 'create', 'ajouter', 'ajout', 'nouveau', 'nouvelle', 'creer']);
const EDIT_WORDS = new Set(['edit', 'change', 'update', 'modifier', 'modif', 'changer']);

export type Verb = { kind: 'add'; rest: string } | { kind: 'edit'; rest: string } | { kind: 'lookup'; query: string };

/**
 * Reads `add …` / `edit …` at the start of a subcommand's arguments. `namesRecord` says when the whole
 * text is itself a record's exact name (a partner called "New Co"), which keeps such lookups working.
 */
export function readVerb(args: string, namesRecord: (query: string) => boolean): Verb {
  const query = args.trim();
  const [first = '', ...others] = query.split(/\s+/);
  const word = normalize(first);
  if (!ADD_WORDS.has(word) && !EDIT_WORDS.has(word)) return { kind: 'lookup', query };
  if (namesRecord(query)) return { kind: 'lookup', query };
  return { kind: ADD_WORDS.has(word) ? 'add' : 'edit', rest: others.join(' ') };
}

export function refusal(context: CommandContext): Reply {
  return refusalView(context.admins, context.t, context.audience);
}

/** Opens a modal from a slash command; the console, which has no Slack, says it needs Slack. */
export async function openModal(context: CommandContext, build: () => Promise<ModalView> | ModalView): Promise<Reply | undefined> {
  if (!context.slack) return messageView(context.t.console.slackOnly);
  await context.slack.openModal(build, context.t.common.modalUnavailable);
  return undefined;
}
