import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import { parseConfig } from '../../src/config/env.js';
import { digest } from '../../src/jobs/digest.js';
import type { JobDeps } from '../../src/jobs/job-deps.js';
import { remind } from '../../src/jobs/remind.js';
import { createPostingClient, POSTING_RETRY, SlackPoster } from '../../src/jobs/slack-poster.js';
import { partnerToFields } from '../../src/notion/partner-properties.js';
import { ACTION_IDS, keyedActionId, recordRef } from '../../src/slack/interaction-ids.js';
import { renderBlocksAsText } from '../../src/slack/views/render-text.js';
import { viewViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { silentLogger } from '../support/silent-logger.js';
import { appHomeOpened, buttonClick, viewSubmission } from '../support/slack-interactions.js';

// A corridor of many organisations, tried as its users would: coordinators of the installing
// workspace write internal notes; people of other organisations (Slack Connect) asking in a shared
// channel get the public view, and can change nothing, even if their ID is in CORRIDOR_ADMINS.

type Json = Record<string, unknown>;

const ALICE = 'U0ALICE'; // a colleague in the installing workspace, not a coordinator
const PARTNER = 'U0PARTNER'; // someone at Venture Lab, in their own Slack organisation
const FOLLOW = 'U0FOLLOW';
const SHARED = 'C0SHARED';
const NOTE = 'Waiting on their legal review';

let running: RunningCorridorApp;

beforeEach(async () => {
  // The partner's ID is even listed among the coordinators: being outside wins.
  running = await startCorridorApp({ CORRIDOR_ADMINS: `${ADMIN_ID},${PARTNER}` });
  running.slack.setUser({ id: ALICE, locale: 'en-US' });
  running.slack.setUser({ id: FOLLOW });
  running.slack.setUser({ id: PARTNER, locale: 'en-US', team_id: 'T0VENTURELAB' });
  running.slack.setSharedChannel(SHARED);
});

afterEach(async () => {
  await running.close();
});

async function ask(text: string, userId: string, channelId = SHARED): Promise<{ text: string; all: string; blocks: Json[] }> {
  const response = await running.command(text, { user_id: userId, channel_id: channelId });
  expect(response.status).toBe(200);
  const reply = response.json as { text: string; blocks: Json[]; response_type: string };
  expect(reply.response_type).toBe('ephemeral');
  return { text: reply.text, all: `${reply.text}\n${renderBlocksAsText(reply.blocks as never)}\n${JSON.stringify(reply.blocks)}`, blocks: reply.blocks };
}

/** The admin writes the internal note (and a follow-up owner) through the partner form. */
async function writeNote(): Promise<void> {
  const response = await running.command('partner edit venture lab', { user_id: ADMIN_ID, channel_id: 'C0CORRIDOR' });
  expect(response.text).toBe('');
  await running.corridor.idle();
  const view = running.slack.callsTo('views.open').at(-1)!.args.view as Json;
  expect(viewViolations(view)).toEqual([]);
  const input = (view.blocks as Json[]).find((block) => block.block_id === 'internal_note')!;
  expect(input).toMatchObject({ label: { text: 'Internal note' }, optional: true });
  const saved = await running.interaction(viewSubmission(ADMIN_ID, view, { internal_note: NOTE, follow_up: FOLLOW }));
  expect(saved.status).toBe(200);
  await running.corridor.idle();
  expect((await running.store.partners.get('venture-lab'))!.internalNote).toBe(NOTE);
}

describe('partner cards, inside and outside', () => {
  it('shows the internal note inside; another organisation gets the card without note, follow-up or buttons, and no edit', async () => {
    await writeNote();
    const inside = await ask('partner venture lab', ALICE);
    expect(inside.all).toContain(NOTE);
    expect(inside.all).toContain('Follow-up');
    const coordinator = await ask('partner venture lab', ADMIN_ID);
    expect(coordinator.blocks.some((block) => block.type === 'actions')).toBe(true);

    const usersInfoBefore = running.slack.callsTo('users.info').length;
    const outside = await ask('partner venture lab', PARTNER);
    expect(outside.text).toContain('Venture Lab');
    expect(outside.all).not.toContain(NOTE);
    expect(outside.all).not.toContain('Internal note');
    expect(outside.all).not.toContain('Follow-up');
    expect(outside.all).not.toContain(FOLLOW);
    expect(outside.blocks.some((block) => block.type === 'actions')).toBe(false);
    // One users.info for this new user gave both language and organisation; asking again asks Slack nothing.
    expect(running.slack.callsTo('users.info').length).toBe(usersInfoBefore + 1);
    await ask('partner venture lab', PARTNER);
    expect(running.slack.callsTo('users.info').length).toBe(usersInfoBefore + 1);
    expect(running.slack.callsTo('conversations.info')).toHaveLength(0);

    const opened = running.slack.callsTo('views.open').length;
    const refused = await ask('partner edit venture lab', PARTNER);
    expect(refused.text).toContain('not open to other organizations');
    expect(refused.text).toContain('pas offert aux autres organisations');
    expect(refused.all).not.toContain(ADMIN_ID);
    await running.corridor.idle();
    expect(running.slack.callsTo('views.open')).toHaveLength(opened);
  });

  it('gives the public view when users.info fails', async () => {
    await writeNote();
    running.slack.setUser({ id: 'U0CAROL' });
    running.slack.setUser({ id: 'U0DAVE' });
    // The same colleague whose lookup works sees the note: only the failure makes the difference.
    expect((await ask('partner venture lab', 'U0DAVE', 'C0CORRIDOR')).all).toContain(NOTE);
    running.slack.failNext('users.info', { error: 'ratelimited', retryAfterSeconds: 0 });
    running.slack.failNext('users.info', { error: 'fatal_error' });
    const reply = await ask('partner venture lab', 'U0CAROL', 'C0CORRIDOR');
    expect(reply.text).toContain('Venture Lab');
    expect(reply.all).not.toContain(NOTE);
  });

  it('treats a user Slack marks as a stranger as outside', async () => {
    await writeNote();
    running.slack.setUser({ id: 'U0STRANGER', is_stranger: true });
    expect((await ask('partner venture lab', 'U0STRANGER')).all).not.toContain(NOTE);
  });

  it.each([
    ['a multi-channel guest', { guest: 'multi-channel' as const }],
    ['a single-channel guest', { guest: 'single-channel' as const }],
  ])('gives %s of the installing workspace the public view and no way to change anything', async (_who, guest) => {
    await writeNote();
    const GUEST_COORDINATOR = 'U0GUEST';
    running.slack.setUser({ id: GUEST_COORDINATOR, locale: 'en-US', ...guest });
    const card = await ask('partner venture lab', GUEST_COORDINATOR, 'C0CORRIDOR');
    expect(card.text).toContain('Venture Lab');
    expect(card.all).not.toContain(NOTE);
    expect(card.all).not.toContain(FOLLOW);
    expect(card.blocks.some((block) => block.type === 'actions')).toBe(false);
    const opened = running.slack.callsTo('views.open').length;
    const refused = await ask('partner edit venture lab', GUEST_COORDINATOR, 'C0CORRIDOR');
    expect(refused.text).toContain('not open to other organizations');
    await running.corridor.idle();
    expect(running.slack.callsTo('views.open')).toHaveLength(opened);
    // A full member asking the same in the same channel still reads the note.
    expect((await ask('partner venture lab', ALICE, 'C0CORRIDOR')).all).toContain(NOTE);
  });

  it('keeps pending adhesions public but not who follows them up, and history for the inside', async () => {
    await writeNote();
    const pending = await ask('pending', PARTNER);
    expect(pending.all).toContain('Venture Lab');
    expect(pending.all).toContain('Next step');
    expect(pending.all).not.toContain(FOLLOW);
    expect(pending.all).not.toContain('No follow-up');
    expect((await ask('pending', ALICE)).all).toContain(FOLLOW);

    const weekly = await ask('digest', PARTNER);
    expect(weekly.all).toContain('Venture Lab');
    expect(weekly.all).not.toContain(FOLLOW);
    expect((await ask('digest', ALICE)).all).toContain(FOLLOW);

    const history = await ask('history venture lab', PARTNER);
    expect(history.all).not.toContain(NOTE);
    expect(history.text).toContain('kept for the corridor’s coordinators');
    const inside = await ask('history venture lab', ALICE);
    expect(inside.all).toContain('Internal note');
    expect(inside.all).toContain(NOTE);
  });
});

describe('the help follows its reader', () => {
  const managing = /partner add|edit <|event add|action add|people add|`\/corridor sync`/;

  it('lists adding, editing and syncing to a coordinator only', async () => {
    const coordinator = await ask('help', ADMIN_ID, 'C0CORRIDOR');
    expect(coordinator.all).toMatch(managing);
    expect(coordinator.all).toContain('For coordinators');
    expect(coordinator.all).toContain('`/corridor sync`');
    const colleague = await ask('help', ALICE, 'C0CORRIDOR');
    const outside = await ask('help', PARTNER);
    for (const reader of [colleague, outside]) {
      expect(reader.all).toContain('`/corridor partner <name>`');
      expect(reader.all).not.toMatch(managing);
      expect(reader.all).not.toContain('For coordinators');
    }
  });

  it('answers `aide` in French to an English reader, as a French name promises', async () => {
    const french = await ask('aide', ALICE, 'C0CORRIDOR');
    expect(french.text).toContain('Corridor bot');
    expect(french.all).toContain('`/corridor partenaire <nom>`');
    expect(french.all).not.toContain('ajouter');
  });
});

describe('clicks and forms from another organisation', () => {
  it('refuses edit, snooze and a submitted form politely', async () => {
    const partner = (await running.store.partners.get('venture-lab'))!;
    const before = running.slack.callsTo('views.open').length;
    await running.interaction(buttonClick(PARTNER, ACTION_IDS.partnerEdit, recordRef(partner.id, partner.version), { responseUrl: running.slack.responseUrl }));
    await running.interaction(buttonClick(PARTNER, keyedActionId(ACTION_IDS.reminderSnooze, partner.id), partner.id, { responseUrl: running.slack.responseUrl }));
    await running.corridor.idle();
    expect(running.slack.callsTo('views.open')).toHaveLength(before);
    const answers = running.slack.callsTo('response_url').map((call) => call.args);
    expect(answers).toHaveLength(2);
    for (const answer of answers) {
      expect(answer).toMatchObject({ response_type: 'ephemeral' });
      expect(String(answer.text)).toContain('not open to other organizations');
    }
    expect(await running.store.snoozes.active('2000-01-01')).toEqual([]);

    // A form they could only have got hold of from someone else: refused, nothing saved.
    await running.command('partner edit venture lab', { user_id: ADMIN_ID, channel_id: 'C0CORRIDOR' });
    await running.corridor.idle();
    const view = running.slack.callsTo('views.open').at(-1)!.args.view as Json;
    const response = await running.interaction(viewSubmission(PARTNER, view, { internal_note: 'overwritten' }));
    const body = response.json as { response_action: string; view: Json };
    expect(body.response_action).toBe('update');
    expect(JSON.stringify(body.view)).toContain('not open to other organizations');
    expect((await running.store.partners.get('venture-lab'))!.internalNote).toBeNull();
  });
});

describe('the Home tab follows its viewer', () => {
  it('publishes the public view to another organisation’s user, the coordinators’ to a coordinator', async () => {
    await writeNote();
    await running.event(appHomeOpened(PARTNER));
    await running.event(appHomeOpened(ADMIN_ID));
    await running.corridor.idle();
    const published = (userId: string) => JSON.stringify(running.slack.callsTo('views.publish').filter((call) => call.args.user_id === userId).at(-1)!.args.view);
    const outside = published(PARTNER);
    expect(outside).toContain('Venture Lab');
    expect(outside).not.toContain(FOLLOW);
    expect(outside).not.toContain('"type":"button"');
    expect(published(ADMIN_ID)).toContain(FOLLOW);
    expect(published(ADMIN_ID)).toContain('home_add_partner');
  });
});

describe('scheduled posts into a shared channel', () => {
  function jobDeps(now: Date): JobDeps {
    const client = createPostingClient({ token: running.config.SLACK_BOT_TOKEN!, slackApiUrl: running.slack.url, retryConfig: { ...POSTING_RETRY, retries: 0 }, logger: silentLogger() });
    const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
    return {
      store: running.store,
      ledger: running.store.runs,
      poster: new SlackPoster(client, { logger, minIntervalMs: 0, channels: running.corridor.channels }),
      clock: () => now,
      config: { CORRIDOR_CHANNEL: SHARED, CORRIDOR_CHANNEL_LANG: 'both', CORRIDOR_TZ: 'America/Toronto' },
      logger,
      notionUrlFor: async (id) => `https://www.notion.so/${id}`,
    };
  }

  function posted(): string {
    const call = running.slack.callsTo('chat.postMessage').at(-1)!;
    expect(call.args.channel).toBe(SHARED);
    return JSON.stringify(call.args.blocks);
  }

  it('posts the reminder and the digest with no buttons, follow-up owner, Notion link or internal note', async () => {
    await writeNote();
    const now = new Date('2026-11-26T15:00:00Z');
    expect((await remind(jobDeps(now))).status).toBe('posted');
    const reminder = posted();
    expect(reminder).toContain('Venture Lab');
    expect(reminder).not.toContain('"type":"actions"');
    expect(reminder).not.toContain(FOLLOW);
    expect(reminder).not.toContain('notion.so');
    expect(reminder).not.toContain(NOTE);
    expect((await digest(jobDeps(now))).status).toBe('posted');
    const weekly = posted();
    expect(weekly).toContain('Venture Lab');
    expect(weekly).not.toContain(FOLLOW);
    expect(weekly).not.toContain(NOTE);
    // Both posts asked Slack about the channel once: it is kept for a minute.
    expect(running.slack.callsTo('conversations.info')).toHaveLength(1);
  });

  it('posts the coordinators’ reminder, buttons included, into a channel of the workspace only', async () => {
    running.slack.setSharedChannel(SHARED, false);
    expect((await remind(jobDeps(new Date('2026-11-26T15:00:00Z')))).status).toBe('posted');
    expect(posted()).toContain(ACTION_IDS.reminderMarkSigned);
  });

  it('posts the public reminder when conversations.info fails', async () => {
    running.slack.setSharedChannel(SHARED, false);
    running.slack.failNext('conversations.info', { error: 'missing_scope' });
    expect((await remind(jobDeps(new Date('2026-11-26T15:00:00Z')))).status).toBe('posted');
    expect(posted()).not.toContain('"type":"actions"');
  });

  it('switches view at once on channel_shared and channel_unshared, without asking Slack', async () => {
    running.slack.setSharedChannel(SHARED, false);
    const event = (type: string, extra: Json = {}) => ({
      token: 'legacy-verification-token',
      team_id: 'T0CORRIDOR',
      api_app_id: 'A0CORRIDOR',
      type: 'event_callback',
      event_id: `Ev0${type}${Math.random().toString(36).slice(2, 8)}`,
      event_time: 1_700_000_000,
      event: { type, channel: SHARED, event_ts: '1700000000.000100', ...extra },
    });
    expect((await running.event(event('channel_shared', { connected_team_id: 'T0VENTURELAB' }))).status).toBe(200);
    await running.corridor.idle();
    expect(await running.corridor.channels.audienceOf(SHARED)).toBe('public');
    await running.event(event('channel_unshared', { previously_connected_team_id: 'T0VENTURELAB', is_ext_shared: false }));
    await running.corridor.idle();
    expect(await running.corridor.channels.audienceOf(SHARED)).toBe('internal');
    expect(running.slack.callsTo('conversations.info')).toHaveLength(0);
  });
});

describe('the console and Notion', () => {
  it('answers the console as a coordinator, internal note included', async () => {
    await writeNote();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += chunk));
    await runConsole({ store: running.store, config: parseConfig({}), input: Readable.from(['/corridor partner venture lab\n']), output, lang: 'en' });
    expect(printed).toContain(NOTE);
    expect(printed).toContain('Follow-up');
  });

  it('never sends the internal note to Notion', async () => {
    await writeNote();
    const fields = partnerToFields((await running.store.partners.get('venture-lab'))!, 'en');
    expect(JSON.stringify(fields)).not.toContain(NOTE);
  });
});
