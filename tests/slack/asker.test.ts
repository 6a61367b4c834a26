import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/index.js';
import { askerOf, whoIsAsking } from '../../src/slack/asker.js';

const TORONTO = 'America/Toronto';
// 02:30 UTC on the 27th: still the 26th in Toronto.
const NOW = new Date('2026-11-27T02:30:00Z');

describe('whoIsAsking', () => {
  it('tells a coordinator: their words, rights, and today in the corridor’s zone', () => {
    const asker = whoIsAsking({ userId: 'U0ADMIN', lang: 'fr', admins: ['U0ADMIN'], timeZone: TORONTO, now: NOW });
    expect(asker).toEqual({ userId: 'U0ADMIN', lang: 'fr', t: catalogue('fr'), isAdmin: true, now: NOW, today: '2026-11-26' });
  });

  it('gives anyone else reading rights only', () => {
    const asker = whoIsAsking({ userId: 'U0GUEST', lang: 'en', admins: ['U0ADMIN'], timeZone: 'UTC', now: NOW });
    expect(asker).toMatchObject({ userId: 'U0GUEST', isAdmin: false, t: catalogue('en'), today: '2026-11-27' });
  });

  it('takes the current time when none is given', () => {
    const before = Date.now();
    const asker = whoIsAsking({ userId: 'U0GUEST', lang: 'en', admins: [], timeZone: TORONTO });
    expect(asker.now.getTime()).toBeGreaterThanOrEqual(before);
    expect(asker.now.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('reads the coordinators, the zone and the clock from the app’s settings for Slack requests', () => {
    const config = { CORRIDOR_ADMINS: ['U0ADMIN'], CORRIDOR_TZ: TORONTO };
    expect(askerOf('U0ADMIN', 'en', { config, clock: () => NOW })).toEqual(
      whoIsAsking({ userId: 'U0ADMIN', lang: 'en', admins: ['U0ADMIN'], timeZone: TORONTO, now: NOW }),
    );
  });
});
