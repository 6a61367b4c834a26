import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/domain/digest.js';
import { sortPartners } from '../../src/domain/partner-order.js';
import { catalogue } from '../../src/i18n/index.js';
import { homeView } from '../../src/slack/views/home-view.js';
import { partnerListView } from '../../src/slack/views/partner-list-view.js';
import { pendingView } from '../../src/slack/views/pending-view.js';
import { partnerRecord, seedRecords } from '../support/records.js';

// Signatories first, by name; pending adhesions oldest first, an unknown date last; accents and case aside.
const partners = [
  partnerRecord('zeta', { name: 'Zeta Labs', status: 'signatory', pendingSince: null }),
  partnerRecord('ecole', { name: 'École Polytechnique', status: 'signatory', pendingSince: null }),
  partnerRecord('alpha', { name: 'alpha Works', status: 'signatory', pendingSince: null }),
  partnerRecord('undated', { name: 'Undated Ltd', pendingSince: null }),
  partnerRecord('recent', { name: 'Recent Co', pendingSince: '2026-02-01' }),
  partnerRecord('oldest', { name: 'Oldest Inc', pendingSince: '2025-04-16' }),
  partnerRecord('beta', { name: 'Beta Corp', pendingSince: '2026-02-01' }),
];
const signatoryOrder = ['alpha Works', 'École Polytechnique', 'Zeta Labs'];
const pendingOrder = ['Oldest Inc', 'Beta Corp', 'Recent Co', 'Undated Ltd'];

/** The names of `names` in the order they first appear in a rendered view. */
function orderIn(view: unknown, names: readonly string[]): string[] {
  const text = JSON.stringify(view);
  return names.filter((name) => text.includes(name)).sort((a, b) => text.indexOf(a) - text.indexOf(b));
}

describe('the order of partner lists', () => {
  it('puts signatories first by name, then pending adhesions oldest first', () => {
    expect(sortPartners(partners).map((partner) => partner.name)).toEqual([...signatoryOrder, ...pendingOrder]);
  });

  it('is the same in /corridor partners, the Home tab and /corridor pending', () => {
    const t = catalogue('en');
    const list = partnerListView(partners, t);
    const home = homeView({ partners, events: [], actions: [], viewerId: 'U0ALICE', isAdmin: false, audience: 'internal', lang: 'en', t, today: '2026-03-02', now: new Date('2026-03-02T15:00:00Z'), timeZone: 'America/Toronto' });
    const pending = pendingView(partners, 'en', t, '2026-03-02', 'internal');
    expect(orderIn(list.blocks, [...signatoryOrder, ...pendingOrder])).toEqual([...signatoryOrder, ...pendingOrder]);
    expect(orderIn(home.blocks, [...signatoryOrder, ...pendingOrder])).toEqual([...signatoryOrder, ...pendingOrder]);
    expect(orderIn(pending.blocks, pendingOrder)).toEqual(pendingOrder);
  });

  it('is the same in the digest’s pending adhesions', () => {
    const digest = buildDigest({ today: '2026-03-02', previousDigestOn: undefined, events: [], partners, actions: [], tracks: [], changes: [] });
    expect(digest.pending.map((partner) => partner.name)).toEqual(pendingOrder);
  });
});

describe('the Home tab', () => {
  it('lists each pending adhesion once, in its own part with age and next step', () => {
    const t = catalogue('fr');
    const seeded = seedRecords().partners;
    const home = homeView({ partners: seeded, events: [], actions: [], viewerId: 'U0ALICE', isAdmin: false, audience: 'internal', lang: 'fr', t, today: '2026-03-02', now: new Date('2026-03-02T15:00:00Z'), timeZone: 'America/Toronto' });
    const text = JSON.stringify(home.blocks);
    const pendingNames = seeded.filter((partner) => partner.status === 'pending').map((partner) => partner.name);
    expect(pendingNames).toHaveLength(3);
    for (const name of pendingNames) expect(text.split(name).length - 1, name).toBe(1);
    expect(text.split('Adhésions en attente').length - 1).toBe(1);
  });
});
