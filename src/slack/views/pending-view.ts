import type { KnownBlock } from '@slack/types';
import type { Audience } from '../../domain/permissions.js';
import { sortPartners } from '../../domain/partner-order.js';
import type { Partner } from '../../domain/types.js';
import { formatAge } from '../../i18n/format.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { context, fitBlocks, header, section, type Reply } from '../blocks.js';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.js';
import { partnerName } from './partner-text.js';

/** One pending adhesion as mrkdwn: name, age, next step and, inside, its follow-up owner. */
export function pendingText(partner: Partner, lang: Lang, t: Catalogue, today: string, audience: Audience): string {
  const age = partner.pendingSince ? formatAge(partner.pendingSince, today, lang) : t.common.unknown;
  return [
    t.pending.line(partnerName(partner), age),
    partner.nextStep ? t.pending.nextStep(escapeMrkdwn(partner.nextStep[lang])) : '',
    audience === 'public' ? '' : followUpText(partner, t),
  ]
    .filter(Boolean)
    .join('\n');
}

/** Who follows the adhesion up: the coordinators' side only. */
export function followUpText(partner: Partner, t: Catalogue): string {
  return partner.followUpUserId ? t.pending.followUp(mentionUser(partner.followUpUserId)) : t.pending.noFollowUp;
}

/** The pending adhesions, in the partner lists' one order (oldest first). */
export function sortPending(partners: readonly Partner[]): Partner[] {
  return sortPartners(partners.filter((partner) => partner.status === 'pending'));
}

export function pendingView(partners: Partner[], lang: Lang, t: Catalogue, today: string, audience: Audience): Reply {
  const pending = sortPending(partners);
  if (pending.length === 0) return { text: t.pending.none, blocks: [header(t.pending.title), section(t.pending.none)] };
  const items: KnownBlock[] = pending.map((partner) => section(pendingText(partner, lang, t, today, audience)));
  const names = pending.map(partnerName).join(', ');
  return {
    text: `${t.pending.summary(pending.length)} ${names}`,
    blocks: fitBlocks([header(t.pending.title), context(t.pending.summary(pending.length)), ...items], t.common.andMore),
  };
}
