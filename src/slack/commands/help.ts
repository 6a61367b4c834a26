import { helpView } from '../views/help-view.js';
import type { CorridorCommand } from './command.js';

/** `/corridor help`, listing `commands()`: the registry passes its own list, so help needs no import of it. */
export function helpCommand(commands: () => readonly CorridorCommand[]): CorridorCommand {
  return {
    name: 'help',
    aliases: ['?', 'h'],
    frenchAliases: ['aide'],
    help: (t) => t.commands.help,
    async run(_args, { t, isAdmin }) {
      return helpView(commands(), t, isAdmin);
    },
  };
}
