import { distance } from 'fastest-levenshtein';
import { commandTextInput, parseCommandText } from '../../domain/command-text.js';
import { localIsoDate } from '../../domain/dates.js';
import { catalogue, type Lang } from '../../i18n/index.js';
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
  store: CorridorStore;
  timeZone: string;
  admins: readonly string[];
  now?: Date;
  slack?: CommandContext['slack'];
  notion?: CommandContext['notion'];
  /** The listener's routes to kept answers (see KeptRoutes); absent, every request is parsed. */
  keptRoutes?: KeptRoutes;
}

/** Parses `/corridor …` text and runs the subcommand: the one path Slack and the console share. */
export async function runCorridorCommand(request: CommandRequest): Promise<Reply | undefined> {
  const { userId, timeZone, admins, now = new Date(), keptRoutes } = request;
  const requestKey = keptRoutes && KeptRoutes.requestKey(request.lang, userId, request.text);
  const today = localIsoDate(now, timeZone);
  const kept = requestKey && (await keptRoutes!.answer(requestKey, today, request.store));
  if (kept) return kept;
  const input = commandTextInput.safeParse(request.text);
  if (!input.success) return messageView(catalogue(request.lang).tooLong);
  const parsed = parseCommandText(input.data);
  const context: CommandContext = {
    ...whoIsAsking({ userId, lang: parsed.lang ?? request.lang, admins, timeZone, now }),
    store: request.store,
    timeZone,
    admins,
    slack: request.slack,
    notion: request.notion,
  };
  const commands = corridorCommands();
  const command = parsed.name === '' ? commands[0]! : findCommand(parsed.name, commands);
  if (!command) {
    const names = commands.filter((c) => !c.hidden).map((c) => c.help(context.t).usage.split(' ')[0]!);
    return unknownCommandView(parsed.name, closestCommandName(parsed.name, commands), names, context.t);
  }
  const key = answerKey(command.name, parsed.rest, context);
  if (requestKey && key) keptRoutes!.remember(requestKey, key, context.today);
  return runKeepingAnswers(command, parsed.rest, context, key);
}

export function findCommand(name: string, commands: readonly CorridorCommand[]): CorridorCommand | undefined {
  return commands.find((command) => command.name === name || command.aliases.includes(name));
}

/** The accepted name closest to a mistyped one, when close enough to be a likely typo. */
export function closestCommandName(typed: string, commands: readonly CorridorCommand[]): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const command of commands.filter((c) => !c.hidden)) {
    for (const name of [command.name, ...command.aliases]) {
      const score = distance(typed, name);
      if (!best || score < best.score) best = { name, score };
    }
  }
  return best && best.score <= Math.max(2, Math.floor(typed.length / 3)) ? best.name : undefined;
}
