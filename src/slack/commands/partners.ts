import { applyPartnerFilter, partnerFilterArgument, PARTNER_FILTER_EXAMPLES, type PartnerFilter } from '../../domain/partner-filter.js';
import type { Catalogue } from '../../i18n/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { partnerListView } from '../views/partner-list-view.js';
import { messageView } from '../views/message-view.js';
import type { CorridorCommand } from './command.js';

export const partnersCommand: CorridorCommand = {
  name: 'partners',
  aliases: ['partenaires', 'membres', 'members', 'list'],
  help: (t) => t.commands.partners,
  examples: ['partners qc', 'partners pending'],
  async run(args, { store, t }) {
    const filter = partnerFilterArgument.safeParse(args);
    if (!filter.success) {
      return messageView(t.partners.unknownFilter(escapeMrkdwn(args), PARTNER_FILTER_EXAMPLES.map((e) => `\`${e}\``).join(', ')));
    }
    const partners = applyPartnerFilter(await store.partners.list(), filter.data);
    return partnerListView(partners, t, filterLabel(filter.data, t));
  },
};

function filterLabel(filter: PartnerFilter, t: Catalogue): string | undefined {
  if (filter.kind === 'status') return t.statusPlural[filter.status];
  if (filter.kind === 'jurisdiction') return t.jurisdiction[filter.jurisdiction];
  if (filter.kind === 'country') return t.country[filter.country];
  return undefined;
}
