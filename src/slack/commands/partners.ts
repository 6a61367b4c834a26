import { applyPartnerFilter, partnerFilterArgument, type PartnerFilter } from '../../domain/partner-filter.js';
import type { Catalogue } from '../../i18n/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { partnerListView } from '../views/partner-list-view.js';
import { messageView } from '../views/message-view.js';
import type { CorridorCommand } from './command.js';
import { listPage } from './list-page.js';

export const partnersCommand: CorridorCommand = {
  name: 'partners',
  aliases: ['members', 'list'],
  frenchAliases: ['partenaires', 'membres'],
  help: (t) => t.commands.partners,
  async run(typed, context) {
    const { store, t } = context;
    const page = listPage(typed, t.commands.partners, context);
    if ('answer' in page) return page.answer;
    const args = page.rest;
    const filter = partnerFilterArgument.safeParse(args);
    if (!filter.success) {
      return messageView(t.partners.unknownFilter(escapeMrkdwn(args), t.partners.filterExamples.map((e) => `\`${e}\``).join(', ')));
    }
    const partners = applyPartnerFilter(await store.partners.list(), filter.data);
    return partnerListView(partners, t, filterLabel(filter.data, t), page.choice);
  },
};

/** What a filter lists, in the reader's words (`New Hampshire`, `Signatories`). */
export function filterLabel(filter: PartnerFilter, t: Catalogue): string | undefined {
  if (filter.kind === 'status') return t.statusPlural[filter.status];
  if (filter.kind === 'jurisdiction') return t.jurisdiction[filter.jurisdiction];
  if (filter.kind === 'country') return t.country[filter.country];
  return undefined;
}
