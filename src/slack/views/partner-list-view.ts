import { sortPartners } from '../../domain/partner-order.js';
import { partnerStatuses, type Partner } from '../../domain/types.js';
import type { Catalogue } from '../../i18n/index.js';
import { header, section, type Reply } from '../blocks.js';
import { FIRST_PAGE, pagedListView, type ListEntry, type PageChoice } from './paged-list.js';
import { partnerLine } from './partner-text.js';

/** Partners grouped by status (signatories first), one page at a time within Slack's message limits. */
export function partnerListView(partners: Partner[], t: Catalogue, filterLabel?: string, choice: PageChoice = FIRST_PAGE): Reply {
  const signatories = partners.filter((partner) => partner.status === 'signatory').length;
  const summary = t.partners.summary(signatories, partners.length - signatories);
  const title = filterLabel ? t.partners.titleFiltered(filterLabel) : t.partners.title;
  if (partners.length === 0) return { text: t.partners.none, blocks: [header(title), section(t.partners.none)] };
  const entries: ListEntry[] = partnerStatuses.flatMap((status) => {
    const members = sortPartners(partners.filter((partner) => partner.status === status));
    const group = `*${t.statusPlural[status]}* (${members.length})`;
    return members.map((partner) => ({ group, text: partnerLine(partner, t) }));
  });
  return pagedListView({ title, summary, entries, ...choice, hint: t.partners.cardHint, t });
}
