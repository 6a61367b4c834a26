import type { Partner } from '../../domain/types.js';
import type { Catalogue } from '../../i18n/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';

/** "C2MI", or "ISEQ" — the display name, escaped for mrkdwn. */
export function partnerName(partner: Partner): string {
  return escapeMrkdwn(partner.name);
}

/** Kind and jurisdiction, when known: "University · Vermont". */
export function partnerTraits(partner: Partner, t: Catalogue): string {
  return [partner.kind && t.kind[partner.kind], partner.jurisdiction && t.jurisdiction[partner.jurisdiction]]
    .filter(Boolean)
    .join(' · ');
}

export function partnerLine(partner: Partner, t: Catalogue): string {
  const traits = partnerTraits(partner, t);
  return `• *${partnerName(partner)}*${traits ? ` — ${traits}` : ''}`;
}
