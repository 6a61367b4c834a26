import { sortPartners } from '../../domain/partner-order.js';
import { partnerStatuses, type Partner } from '../../domain/types.js';
import type { Catalogue } from '../../i18n/index.js';
import { context, divider, fitBlocks, header, lineSections, section, type Reply } from '../blocks.js';
import { partnerLine } from './partner-text.js';
import type { KnownBlock } from '@slack/types';

/** Partners grouped by status (signatories first), within Slack's message limits at any size. */
export function partnerListView(partners: Partner[], t: Catalogue, filterLabel?: string): Reply {
  const signatories = partners.filter((partner) => partner.status === 'signatory').length;
  const summary = t.partners.summary(signatories, partners.length - signatories);
  const title = filterLabel ? t.partners.titleFiltered(filterLabel) : t.partners.title;
  if (partners.length === 0) return { text: t.partners.none, blocks: [header(title), section(t.partners.none)] };
  const groups: KnownBlock[] = partnerStatuses.flatMap((status) => {
    const members = sortPartners(partners.filter((partner) => partner.status === status));
    if (members.length === 0) return [];
    const lines = [`*${t.statusPlural[status]}* (${members.length})`, ...members.map((partner) => partnerLine(partner, t))];
    return [divider(), ...lineSections(lines)];
  });
  return {
    text: t.common.labelled(title, summary),
    blocks: fitBlocks([header(title), context(summary), ...groups, context(t.partners.cardHint)], t.common.andMore),
  };
}
