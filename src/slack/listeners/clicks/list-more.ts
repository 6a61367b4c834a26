import { parseCommandText } from '../../../domain/command-text.js';
import { findCommand, runCorridorCommand } from '../../commands/dispatch.js';
import { corridorCommands } from '../../commands/registry.js';
import type { SlackDeps } from '../../deps.js';
import { readClick, type ClickArgs } from './click.js';

/**
 * *More* under a long list: the next page, for the one who clicked, as they would see it typing
 * the command its value holds; it takes the place of the page they read. Only a list's command is
 * run: a value that names another is ignored.
 */
/** The commands whose answers come in pages: all that *More* may run. */
const PAGED_COMMANDS: ReadonlySet<string> = new Set(['partners', 'pending', 'actions', 'events', 'people']);

export function listMoreClicked(deps: SlackDeps) {
  return async (args: ClickArgs): Promise<void> => {
    const click = await readClick(args, deps);
    if (!click) return;
    const command = findCommand(parseCommandText(click.value).name, corridorCommands());
    if (!command || !PAGED_COMMANDS.has(command.name)) return;
    const reply = await runCorridorCommand({
      text: click.value,
      userId: click.userId,
      lang: click.lang,
      audience: click.audience,
      store: deps.store,
      timeZone: deps.config.CORRIDOR_TZ,
      admins: deps.config.CORRIDOR_ADMINS,
      now: deps.clock?.(),
    });
    if (!reply) return;
    if (args.body.response_url) {
      await args.respond({ response_type: 'ephemeral', replace_original: true, text: reply.text, blocks: reply.blocks });
    } else if (click.channelId) {
      await args.client.chat.postEphemeral({ channel: click.channelId, user: click.userId, text: reply.text, blocks: reply.blocks });
    }
  };
}
