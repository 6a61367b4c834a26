import { readPage } from '../../domain/list-page.js';
import type { Reply } from '../blocks.js';
import { messageView } from '../views/message-view.js';
import type { PageChoice } from '../views/paged-list.js';
import type { CommandContext, CommandHelp } from './command.js';

/**
 * The page a list command is asked for (`partners nh page 2`), the text left to read as its filter,
 * and how the reader asks for the next page in their words (`partenaires nh page 3`); a page number
 * that is none gets a polite answer instead.
 */
export function listPage(args: string, help: CommandHelp, { t, lang }: CommandContext): { rest: string; choice: PageChoice } | { answer: Reply } {
  const wanted = readPage(args);
  if (wanted.kind === 'invalid') return { answer: messageView(t.paging.invalid) };
  const name = help.usage.split(' ')[0]!;
  return { rest: wanted.rest, choice: { page: wanted.page, paging: { command: `${name} ${wanted.rest}`.trim(), lang } } };
}

