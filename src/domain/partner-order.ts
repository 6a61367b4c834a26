import { partnerStatuses, type Partner } from './types.js';

/** Accents and case aside, numbers by value: the same order whatever the reader's language. */
const byName = new Intl.Collator('fr-CA', { sensitivity: 'base', numeric: true });
const statusRank = new Map(partnerStatuses.map((status, index) => [status, index]));

/**
 * The one order of partner lists (`/corridor partners`, the Home tab, pending adhesions):
 * signatories first, then pending adhesions, the longest pending first (they need attention
 * first; an unknown date last), each by name.
 */
export function comparePartners(a: Partner, b: Partner): number {
  return (
    statusRank.get(a.status)! - statusRank.get(b.status)! ||
    pendingRank(a).localeCompare(pendingRank(b)) ||
    byName.compare(a.name, b.name) ||
    a.id.localeCompare(b.id)
  );
}

/** A sorted copy (see comparePartners). */
export function sortPartners<T extends Partner>(partners: readonly T[]): T[] {
  return [...partners].sort(comparePartners);
}

function pendingRank(partner: Partner): string {
  return partner.status === 'pending' ? (partner.pendingSince ?? '9999-99-99') : '';
}

/** The pending adhesions only, in that order (the oldest first). */
export function sortPending<T extends Partner>(partners: readonly T[]): T[] {
  return sortPartners(partners.filter((partner) => partner.status === 'pending'));
}
