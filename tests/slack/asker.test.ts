import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceOfChannel, audienceOfUser, canChangeRecords } from '../../src/domain/permissions.js';
import { catalogue } from '../../src/i18n/index.js';
import { askerOf, knownViewerOf, viewerOf, whoIsAsking } from '../../src/slack/asker.js';
import { InstallingOrganisation } from '../../src/slack/installation.js';
import { SharedChannels } from '../../src/slack/shared-channels.js';
import { UserLanguages } from '../../src/slack/user-lang.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';

const TORONTO = 'America/Toronto';
// 02:30 UTC on the 27th: still the 26th in Toronto.
const NOW = new Date('2026-11-27T02:30:00Z');

describe('whoIsAsking', () => {
  it('tells a coordinator: their words, side, rights, and today in the corridor’s zone', () => {
    const asker = whoIsAsking({ userId: 'U0ADMIN', lang: 'fr', audience: 'internal', admins: ['U0ADMIN'], timeZone: TORONTO, now: NOW });
    expect(asker).toEqual({ userId: 'U0ADMIN', lang: 'fr', t: catalogue('fr'), audience: 'internal', isAdmin: true, now: NOW, today: '2026-11-26' });
  });

  it('gives anyone else reading rights only', () => {
    const asker = whoIsAsking({ userId: 'U0GUEST', lang: 'en', audience: 'internal', admins: ['U0ADMIN'], timeZone: 'UTC', now: NOW });
    expect(asker).toMatchObject({ userId: 'U0GUEST', isAdmin: false, t: catalogue('en'), today: '2026-11-27' });
  });

  it('never lets another organisation change records, even a user listed in CORRIDOR_ADMINS', () => {
    const asker = whoIsAsking({ userId: 'U0ADMIN', lang: 'en', audience: 'public', admins: ['U0ADMIN'], timeZone: 'UTC', now: NOW });
    expect(asker).toMatchObject({ audience: 'public', isAdmin: false });
    expect(canChangeRecords('U0ADMIN', ['U0ADMIN'], 'public')).toBe(false);
  });

  it('takes the current time when none is given', () => {
    const before = Date.now();
    const asker = whoIsAsking({ userId: 'U0GUEST', lang: 'en', audience: 'internal', admins: [], timeZone: TORONTO });
    expect(asker.now.getTime()).toBeGreaterThanOrEqual(before);
    expect(asker.now.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe('inside or outside', () => {
  const home = { teamId: 'T0HOME', enterpriseId: null };

  it('is internal only for a known user of the installing workspace or Enterprise organisation', () => {
    expect(audienceOfUser({ teamId: 'T0HOME', enterpriseId: null, isStranger: false, isGuest: false }, home)).toBe('internal');
    expect(audienceOfUser({ teamId: 'T0OTHER', enterpriseId: null, isStranger: false, isGuest: false }, home)).toBe('public');
    expect(audienceOfUser({ teamId: 'T0HOME', enterpriseId: null, isStranger: true, isGuest: false }, home)).toBe('public');
    expect(audienceOfUser({ teamId: 'T0HOME', enterpriseId: null, isStranger: false, isGuest: true }, home)).toBe('public');
    expect(audienceOfUser({ teamId: null, enterpriseId: null, isStranger: false, isGuest: false }, home)).toBe('public');
    const grid = { teamId: 'T0HOME', enterpriseId: 'E0GRID' };
    expect(audienceOfUser({ teamId: 'T0SISTER', enterpriseId: 'E0GRID', isStranger: false, isGuest: false }, grid)).toBe('internal');
    expect(audienceOfUser({ teamId: 'T0SISTER', enterpriseId: 'E0ELSE', isStranger: false, isGuest: false }, grid)).toBe('public');
  });

  it('counts a lookup that failed as outside', () => {
    expect(audienceOfUser(undefined, home)).toBe('public');
    expect(audienceOfUser({ teamId: 'T0HOME', enterpriseId: null, isStranger: false, isGuest: false }, undefined)).toBe('public');
    expect(audienceOfChannel(undefined)).toBe('public');
    expect(audienceOfChannel(true)).toBe('public');
    expect(audienceOfChannel(false)).toBe('internal');
  });
});

describe('askerOf, against the Slack emulator', () => {
  let slack: SlackApiEmulator;
  let client: WebClient;

  beforeAll(async () => {
    slack = await startSlackApiEmulator({ botToken: 'xoxb-asker' });
    client = new WebClient('xoxb-asker', { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
    slack.setUser({ id: 'U0ADMIN', locale: 'fr-CA' });
    slack.setUser({ id: 'U0PARTNER', locale: 'en-US', team_id: 'T0PARTNER' });
  });

  afterAll(async () => {
    await slack.close();
  });

  it('reads language and organisation from one users.info, and the coordinators, zone and clock from the settings', async () => {
    const sources = { userLanguages: new UserLanguages(client), installation: new InstallingOrganisation(client) };
    const config = { CORRIDOR_ADMINS: ['U0ADMIN', 'U0PARTNER'], CORRIDOR_TZ: TORONTO };
    slack.reset();
    expect(await askerOf('U0ADMIN', { ...sources, config, clock: () => NOW })).toEqual(
      whoIsAsking({ userId: 'U0ADMIN', lang: 'fr', audience: 'internal', admins: config.CORRIDOR_ADMINS, timeZone: TORONTO, now: NOW }),
    );
    expect(await askerOf('U0ADMIN', { ...sources, config, clock: () => NOW }, 'en')).toMatchObject({ lang: 'en', audience: 'internal' });
    expect(await askerOf('U0PARTNER', { ...sources, config })).toMatchObject({ audience: 'public', isAdmin: false });
    // Asked again: nothing more asked of Slack.
    await viewerOf('U0PARTNER', sources);
    expect(slack.callsTo('users.info')).toHaveLength(2);
    expect(slack.callsTo('auth.test')).toHaveLength(1);
  });

  it('knows a viewer without waiting once users.info and auth.test have answered, and only then', async () => {
    const sources = { userLanguages: new UserLanguages(client), installation: new InstallingOrganisation(client) };
    expect(knownViewerOf('U0PARTNER', sources)).toBeUndefined();
    const viewer = await viewerOf('U0PARTNER', sources);
    expect(knownViewerOf('U0PARTNER', sources)).toEqual(viewer);
    expect(knownViewerOf('U0ADMIN', sources)).toBeUndefined();
  });

  it('gives the public view when users.info or auth.test fails', async () => {
    const installation = new InstallingOrganisation(client);
    slack.failNext('users.info', { error: 'user_not_found' });
    expect(await viewerOf('U0ADMIN', { userLanguages: new UserLanguages(client), installation })).toEqual({ lang: 'en', audience: 'public' });
    slack.failNext('auth.test', { error: 'fatal_error' });
    expect(await viewerOf('U0ADMIN', { userLanguages: new UserLanguages(client), installation: new InstallingOrganisation(client) })).toMatchObject({ audience: 'public' });
  });

  it('asks about a channel at most once a minute, a failed lookup included, and believes the events meanwhile', async () => {
    let now = 0;
    const channels = new SharedChannels(client, () => now);
    slack.reset();
    slack.setSharedChannel('C0CONNECT');
    expect(await Promise.all([channels.audienceOf('C0CONNECT'), channels.audienceOf('C0CONNECT')])).toEqual(['public', 'public']);
    slack.failNext('conversations.info', { error: 'internal_error' });
    expect(await channels.audienceOf('C0HOME')).toBe('public');
    now = 59_000;
    expect(await channels.audienceOf('C0HOME')).toBe('public');
    expect(slack.callsTo('conversations.info')).toHaveLength(2);
    now = 61_000;
    expect(await channels.audienceOf('C0HOME')).toBe('internal');
    channels.noteShared('C0HOME', true);
    expect(await channels.audienceOf('C0HOME')).toBe('public');
    expect(slack.callsTo('conversations.info')).toHaveLength(3);
  });
});
