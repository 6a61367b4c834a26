import { aboutCommand } from './about.js';
import { actionCommand } from './action-item.js';
import { actionsCommand } from './action-items.js';
import type { CorridorCommand } from './command.js';
import { digestCommand } from './digest.js';
import { eventCommand } from './event.js';
import { eventsCommand } from './events.js';
import { exportCommand } from './export.js';
import { helpCommand } from './help.js';
import { historyCommand } from './history.js';
import { nudgesCommand } from './nudges.js';
import { partnerCommand } from './partner.js';
import { partnersCommand } from './partners.js';
import { pendingCommand } from './pending.js';
import { stageCommand } from './stage.js';
import { contactLogCommand } from './contact-log.js';
import { peopleCommand } from './people.js';
import { personCommand } from './person.js';
import { reportCommand } from './report.js';
import { syncCommand } from './sync.js';

/** Every `/corridor` subcommand, in the order the help lists them. */
export function corridorCommands(): readonly CorridorCommand[] {
  // Built once: every command looks its subcommand up in this list.
  return (commands ??= [
    helpCommand(corridorCommands),
    partnersCommand,
    partnerCommand,
    peopleCommand,
    personCommand,
    pendingCommand,
    stageCommand,
    contactLogCommand,
    eventsCommand,
    eventCommand,
    actionsCommand,
    digestCommand,
    nudgesCommand,
    actionCommand,
    historyCommand,
    aboutCommand,
    reportCommand,
    exportCommand,
    syncCommand,
  ]);
}

let commands: readonly CorridorCommand[] | undefined;
