import { commandTextInput, parseCommandText, withTwoWordName, type CommandText } from '../../domain/command-text.js';
import { localIsoDate } from '../../domain/dates.js';
import { closestName } from '../../domain/fuzzy.js';
import { namesPartner } from '../../domain/partner-match.js';
import { looksFrench } from '../../domain/lang.js';
import type { Audience } from '../../domain/permissions.js';
import { normalize } from '../../domain/text.js';
import { catalogue, type Catalogue, type Lang } from '../../i18n/index.js';
import type { CorridorStore } from '../../store/corridor-store.js';
import { whoIsAsking } from '../asker.js';
import type { Reply } from '../blocks.js';
import { messageView } from '../views/message-view.js';
import { unknownCommandView } from '../views/unknown-command-view.js';
import { answerKey, KeptRoutes, runKeepingAnswers } from './answer-cache.js';
import type { CommandContext, CorridorCommand } from './command.js';
import { corridorCommands } from './registry.js';

export interface CommandRequest {
  text: string;
  userId: string;
  /** Language from the user's Slack locale; `--fr` / `--en` in the text wins over it. */
  lang: Lang;
  /** The coordinators' view or the public one (see asker.ts); the console is the coordinators'. */
  audience: Audience;
  store: CorridorStore;
  timeZone: string;
  admins: readonly string[];
  now?: Date;
  slack?: CommandContext['slack'];
  notion?: CommandContext['notion'];
  calendar?: CommandContext['calendar'];
  /** The listener's routes to kept answers (see KeptRoutes); absent, every request is parsed. */
  keptRoutes?: KeptRoutes;
}

/** Parses `/corridor …` text and runs the subcommand: the one path Slack and the console share. */
export async function runCorridorCommand(request: CommandRequest): Promise<Reply | undefined> {
  const { userId, audience, timeZone, admins, now = new Date(), keptRoutes } = request;
  const requestKey = keptRoutes && KeptRoutes.requestKey(request.lang, audience, userId, request.text);
  const today = localIsoDate(now, timeZone);
  const kept = requestKey && (await keptRoutes!.answer(requestKey, today, request.store));
  if (kept) return kept;
  const input = commandTextInput.safeParse(request.text);
  if (!input.success) return messageView(catalogue(request.lang).tooLong);
  const commands = corridorCommands();
  const { parsed, command, lang } = readCommand(input.data, request.lang, commands);
  const context: CommandContext = {
    ...whoIsAsking({ userId, lang, audience, admins, timeZone, now }),
    store: request.store,
    timeZone,
    admins,
    slack: request.slack,
    notion: request.notion,
    calendar: request.calendar,
  };
  if (!command) {
    const listed = commands.filter((c) => !c.hidden);
    const suggestion = await suggestionFor(parsed, listed, context);
    return unknownCommandView(parsed.name, suggestion, listed.map((c) => localName(c, context.t)), context.t);
  }
  const key = answerKey(command.name, parsed.rest, context);
  if (requestKey && key) keptRoutes!.remember(requestKey, key, context.today);
  return runKeepingAnswers(command, parsed.rest, context, key);
}

/**
 * The subcommand a text names and the language to answer in: `--fr` / `--en`; else French for a
 * French command word (`partenaire`) or, when no command is named, a French question
 * (`qui a parlé ?`); else the user's. The console renders the reply in the same language.
 */
export function readCommand(text: string, userLang: Lang, commands = corridorCommands()): { parsed: CommandText; command: CorridorCommand | undefined; lang: Lang } {
  const parsed = withTwoWordName(parseCommandText(text), (name) => findCommand(name, commands) !== undefined);
  const command = parsed.name === '' ? commands[0]! : findCommand(parsed.name, commands);
  const inFrench = command ? command.frenchAliases.includes(parsed.name) : looksFrench(text);
  return { parsed, command, lang: parsed.lang ?? (inFrench ? 'fr' : userLang) };
}

const MAX_NAME_SUGGESTED = 100;

/**
 * What to suggest for an unknown subcommand, in the reader's language: the command it most likely
 * mistypes; else, when the text names a partner (`/corridor uvm`), that partner's card; else the help.
 */
async function suggestionFor({ name, rest }: CommandText, listed: readonly CorridorCommand[], context: CommandContext): Promise<string> {
  const close = closestCommand(name, listed);
  if (close) return localName(close, context.t);
  const partner = listed.find((command) => command.name === 'partner');
  const text = normalize(`${name} ${rest}`);
  // A name is short: a long text is not worth reading through every partner, nor repeating back.
  const isName = text !== '' && text.length <= MAX_NAME_SUGGESTED;
  if (partner && isName && namesPartner(text, await context.store.partners.list())) return `${localName(partner, context.t)} ${text}`;
  return localName(listed[0]!, context.t);
}

export function findCommand(name: string, commands: readonly CorridorCommand[]): CorridorCommand | undefined {
  return commands.find((command) => command.name === name || command.aliases.includes(name) || command.frenchAliases.includes(name));
}

/** A command's name as the help shows it in the reader's language (`partner`, `partenaire`). */
export function localName(command: CorridorCommand, t: Catalogue): string {
  return command.help(t).usage.split(' ')[0]!;
}

/**
 * The command a mistyped name most likely meant, read against every name it answers to in either
 * language; punctuation aliases (`?`) are left out, since a suggestion is shown to be typed.
 */
export function closestCommand(typed: string, commands: readonly CorridorCommand[]): CorridorCommand | undefined {
  const names = commands.flatMap((command) => [command.name, ...command.aliases, ...command.frenchAliases].map((name) => ({ name, value: command })));
  return closestName(typed, names.filter(({ name }) => /^\p{L}[\p{L}\p{N}-]*$/u.test(name)));
}
