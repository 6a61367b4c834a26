import { helpView } from '../views/help-view.js';
import type { CorridorCommand } from './command.js';
import { corridorCommands } from './registry.js';

export const helpCommand: CorridorCommand = {
  name: 'help',
  aliases: ['aide', '?', 'h'],
  help: (t) => t.commands.help,
  async run(_args, { t }) {
    return helpView(corridorCommands(), t);
  },
};
