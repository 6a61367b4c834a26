import { normalize } from '../../domain/text.js';
import { messageView } from '../views/message-view.js';
import type { CorridorCommand } from './command.js';

const OFF = new Set(['off', 'stop', 'non', 'no', 'arret', 'desactiver', 'desactive']);
const ON = new Set(['on', 'start', 'oui', 'yes', 'activer', 'active', 'reactiver']);

/**
 * `/corridor nudges off|on` (`rappels-perso`): each person stops or restarts their own weekly
 * direct message; alone, says whether it is on. Only the installing organisation's people are nudged.
 */
export const nudgesCommand: CorridorCommand = {
  name: 'nudges',
  aliases: ['nudge'],
  frenchAliases: ['rappels-perso', 'rappel-perso', 'rappels-personnels', 'mes-rappels'],
  help: (t) => t.nudges.help,
  async run(args, { store, userId, t, now, audience }) {
    if (audience !== 'internal') return messageView(t.nudges.notForYou);
    const typed = normalize(args);
    if (typed === '') return messageView((await store.nudgePreferences.enabled(userId)) ? t.nudges.isOn : t.nudges.isOff);
    if (!OFF.has(typed) && !ON.has(typed)) return messageView(t.nudges.unknownChoice(args.trim()));
    await store.nudgePreferences.set(userId, ON.has(typed), now);
    return messageView(ON.has(typed) ? t.nudges.turnedOn : t.nudges.turnedOff);
  },
};
