import { createInterface } from 'node:readline';
import type { Config } from '../config/env.js';
import { CONSOLE_USER_ID } from '../domain/permissions.js';
import { catalogue, type Lang } from '../i18n/index.js';
import { readCommand, runCorridorCommand } from '../slack/commands/dispatch.js';
import { renderBlocksAsText } from '../slack/views/render-text.js';
import type { NotionSyncAccess } from '../notion/sync-access.js';
import type { CorridorStore } from '../store/corridor-store.js';

export { CONSOLE_USER_ID };

export interface ConsoleOptions {
  store: CorridorStore;
  config: Config;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  lang: Lang;
  /** The Notion sync, for `/corridor sync`. */
  notion?: NotionSyncAccess;
}

/** Reads `/corridor …` lines and prints each reply as text; resolves at end of input. */
export async function runConsole({ store, config, input, output, lang, notion }: ConsoleOptions): Promise<void> {
  const t = catalogue(lang);
  const interactive = 'isTTY' in input && Boolean(input.isTTY);
  output.write(`${t.console.banner(config.CORRIDOR_TZ)}\n`);
  const lines = createInterface({ input, terminal: false });
  const prompt = () => interactive && output.write('> ');
  prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === '') {
      prompt();
      continue;
    }
    if (/^(exit|quit|quitter)$/i.test(text)) break;
    output.write(`${await answer(text, { store, config, lang, notion })}\n\n`);
    prompt();
  }
}

async function answer(line: string, { store, config, lang, notion }: Pick<ConsoleOptions, 'store' | 'config' | 'lang' | 'notion'>): Promise<string> {
  const t = catalogue(lang);
  const match = /^\/?(corridor)\b\s*(.*)$/i.exec(line);
  if (!match) return t.console.notACommand;
  const reply = await runCorridorCommand({
    text: match[2] ?? '',
    userId: CONSOLE_USER_ID,
    lang,
    // Whoever runs the console has the database itself: the coordinators' view, as ever.
    audience: 'internal',
    store,
    timeZone: config.CORRIDOR_TZ,
    admins: [...config.CORRIDOR_ADMINS, CONSOLE_USER_ID],
    notion,
    calendar: config,
  });
  // The text chose the reply's language (`--fr`, `partenaire`), and so how its fields read.
  const replyLang = readCommand(match[2] ?? '', lang).lang;
  return reply ? renderBlocksAsText(reply.blocks, catalogue(replyLang).common.labelled) : t.console.slackOnly;
}
