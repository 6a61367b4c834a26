import { buildCsv, csvName, type RecordKind } from '../../reports/report-files.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { messageView } from '../views/message-view.js';
import { refusalView } from '../views/refusal-view.js';
import type { CorridorCommand } from './command.js';
import { sendToDirectMessages } from './direct-message-files.js';
import { editionOf } from './report-edition.js';

/** The record kinds as typed in either language, normalised (accents folded, `action-items` in two words). */
const KINDS: Readonly<Record<string, RecordKind>> = {
  partners: 'partners',
  partner: 'partners',
  partenaires: 'partners',
  partenaire: 'partners',
  people: 'people',
  person: 'people',
  persons: 'people',
  personnes: 'people',
  personne: 'people',
  events: 'events',
  event: 'events',
  evenements: 'events',
  evenement: 'events',
  actions: 'action-items',
  action: 'action-items',
  'action items': 'action-items',
  'action item': 'action-items',
  pistes: 'action-items',
};

/**
 * `/corridor export <partners|people|events|actions> [public]` (`exporter partenaires`): one
 * record kind as a CSV file in the coordinator's direct messages, the records as they stand.
 */
export const exportCommand: CorridorCommand = {
  name: 'export',
  aliases: ['csv'],
  frenchAliases: ['exporter', 'exportation'],
  forCoordinators: true,
  help: (t) => t.reportCommand.exportHelp,
  async run(args, { isAdmin, admins, audience, t, store, userId, slack }) {
    if (!isAdmin) return refusalView(admins, t, audience);
    const { edition, rest } = editionOf(args);
    const usage = t.reportCommand.exportHelp.usage;
    if (rest === '') return messageView(t.reportCommand.missingKind(usage));
    const kind = KINDS[rest];
    if (!kind) return messageView(t.reportCommand.badKind(escapeMrkdwn(args.trim()), usage));
    if (!slack) return messageView(t.reportCommand.consoleOnly);
    const editionName = t.reportCommand.edition[edition];
    sendToDirectMessages(slack, userId, t, async () => ({
      files: [await buildCsv(store, kind, { lang: 'both', audience: edition })],
      comment: t.reportCommand.exportComment(t.reportCommand.kinds[kind], editionName),
    }));
    return messageView(t.reportCommand.preparingExport(csvName(kind), editionName));
  },
};
