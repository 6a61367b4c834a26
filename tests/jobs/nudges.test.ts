import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/env.js';
import { scheduleCorridorJobs } from '../../src/jobs/schedule-jobs.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import { draftOf } from '../../src/domain/draft.js';
import type { JobLogger } from '../../src/jobs/job-logger.js';
import type { JobDeps } from '../../src/jobs/job-deps.js';
import { sendNudges, slackRecipients } from '../../src/jobs/nudges.js';
import { createPostingClients, SlackPoster } from '../../src/jobs/slack-poster.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { actionRecord } from '../support/records.js';
import { recordingPoster } from '../support/recording-poster.js';
import { silentLogger } from '../support/silent-logger.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';
import { tempStores, type StoreKind } from '../support/temp-stores.js';

// The weekly nudges as the schedule runs them: the real poster and users.info against the Slack
// emulator, on SQLite and on PostgreSQL shared by two replicas racing.

const BOT_TOKEN = 'xoxb-corridor-nudges';
const NOW = new Date('2026-11-26T14:00:00Z'); // Thursday 09:00 in Toronto, week 2026-W48
const TODAY = '2026-11-26';
/** Two people of the installing workspace (Bruno reads French), a guest of it, and a user of another organisation. */
const [ALICE, BRUNO, GUEST, OUTSIDER] = ['U0ALICE', 'U0BRUNO', 'U0GUEST', 'U0OUTSIDE'] as const;

let slack: SlackApiEmulator;

beforeEach(async () => {
  slack = await startSlackApiEmulator({ botToken: BOT_TOKEN });
  slack.setUser({ id: ALICE, locale: 'en-US' });
  slack.setUser({ id: BRUNO, locale: 'fr-CA' });
  slack.setUser({ id: GUEST, locale: 'en-US', guest: 'multi-channel' });
  slack.setUser({ id: OUTSIDER, locale: 'en-US', team_id: 'T0OTHERORG' });
});

afterEach(async () => {
  await slack.close();
});

function deps(store: CorridorStore, owner = 'here:1:aaaaaa'): JobDeps {
  const logger: JobLogger = { info: () => {}, warn: () => {}, error: () => {} };
  const clients = createPostingClients({ token: BOT_TOKEN, slackApiUrl: slack.url, timeoutMs: 2000, logger: silentLogger() });
  return {
    store,
    ledger: store.runs,
    poster: new SlackPoster(clients, { logger, minIntervalMs: 0 }),
    recipients: slackRecipients(clients.calls),
    clock: () => NOW,
    config: { CORRIDOR_CHANNEL: undefined, CORRIDOR_CHANNEL_LANG: 'both', CORRIDOR_TZ: 'America/Toronto' },
    logger,
    owner,
  };
}

async function own(store: CorridorStore, id: string, ownerUserId: string, dueOn: string | null, status: 'open' | 'done' = 'open'): Promise<void> {
  const title = { en: `Item ${id}`, fr: `Action ${id}` };
  await store.actions.save(draftOf(actionRecord(id, null, { title, ownerUserId, dueOn, status, completedOn: status === 'done' ? TODAY : null })), { actor: 'U0ADMIN' });
}

const dmsTo = (userId: string) => slack.callsTo('chat.postMessage').filter((call) => call.args.channel === `D${userId.slice(1)}`);

describe.each<StoreKind>(['sqlite', 'postgres'])('weekly nudges (%s)', (kind) => {
  const { open, databaseUrl } = tempStores(`nudges-${kind}`, kind);

  it('tells each internal person, in their language, only of their own items overdue or due within 7 days', async () => {
    const store = await open();
    await own(store, 'late', ALICE, '2026-11-20');
    await own(store, 'soon', ALICE, '2026-12-03');
    await own(store, 'later', ALICE, '2026-12-04'); // 8 days: not yet
    await own(store, 'undated', ALICE, null);
    await own(store, 'finished', ALICE, '2026-11-20', 'done');
    await own(store, 'bruno', BRUNO, '2026-11-27');
    await own(store, 'guest', GUEST, '2026-11-27');
    await own(store, 'outside', OUTSIDER, '2026-11-27');
    const results = await sendNudges(deps(store));

    expect(dmsTo(ALICE)).toHaveLength(1);
    const alice = JSON.stringify(dmsTo(ALICE)[0]!.args.blocks);
    expect(alice).toContain('Item late');
    expect(alice).toContain('Item soon');
    for (const absent of ['Item later', 'Item undated', 'Item finished', 'Item bruno']) expect(alice).not.toContain(absent);
    expect(alice.indexOf('Overdue')).toBeLessThan(alice.indexOf('Item late'));
    expect(alice.indexOf('Item late')).toBeLessThan(alice.indexOf('Due within 7 days'));

    expect(dmsTo(BRUNO)).toHaveLength(1);
    expect(dmsTo(BRUNO)[0]!.args.text).toContain('Action bruno');
    expect(JSON.stringify(dmsTo(BRUNO)[0]!.args.blocks)).toContain('Reporter d’une semaine');

    // A guest and a user of another organisation are never nudged, nor is a DM even opened for them.
    expect(dmsTo(GUEST)).toHaveLength(0);
    expect(dmsTo(OUTSIDER)).toHaveLength(0);
    expect(slack.callsTo('conversations.open').map((call) => call.args.users).sort()).toEqual([ALICE, BRUNO]);
    expect(results.filter((result) => 'notNudged' in result).map((result) => result.userId).sort()).toEqual([GUEST, OUTSIDER]);
  });

  it('nudges nobody Slack cannot tell about, and says so, so the run is tried again', async () => {
    const store = await open();
    await own(store, 'unknown', 'U0NOBODY', '2026-11-27');
    expect(await sendNudges(deps(store))).toEqual([{ userId: 'U0NOBODY', notNudged: 'unknown' }]);
    expect(slack.callsTo('conversations.open')).toHaveLength(0);
    expect(await store.runs.get('nudges', 'U0NOBODY@2026-W48')).toBeUndefined();
  });

  it('names the adhesions a person follows whose follow-up is due, with Log a contact for a coordinator', async () => {
    const store = await open();
    for (const [id, follower] of [['venture-lab', ALICE], ['cmc-microsystems', BRUNO]] as const) {
      const partner = (await store.partners.get(id))!;
      await store.partners.save({ ...draftOf(partner), followUpUserId: follower }, { actor: 'U0ADMIN' });
    }
    const entry = { id: 'venture-lab-call', partnerId: 'venture-lab', on: '2026-11-10', author: ALICE, kind: 'call' as const, text: 'Call with their counsel', nextFollowUpOn: '2026-11-24' };
    await store.contacts.save(entry, { actor: ALICE });
    await sendNudges({ ...deps(store), config: { ...deps(store).config, CORRIDOR_ADMINS: [ALICE] } });
    expect(dmsTo(ALICE)).toHaveLength(1);
    const blocks = JSON.stringify(dmsTo(ALICE)[0]!.args.blocks);
    expect(blocks).toContain('Adhesions you follow: follow-up due');
    expect(blocks).toContain('*Venture Lab* — follow-up due Tuesday, November 24, 2026');
    expect(blocks).toContain('"action_id":"log_contact:venture-lab"');
    expect(dmsTo(ALICE)[0]!.args.text).toContain('1 adhesion you follow needs a follow-up: Venture Lab');
    // Bruno follows CMC Microsystems, but no follow-up date is set: nothing to say.
    expect(dmsTo(BRUNO)).toHaveLength(0);
  });

  it('stays within Slack’s limits with many items, and says how many more there are', async () => {
    const store = await open();
    for (let index = 0; index < 60; index += 1) await own(store, `item-${String(index).padStart(2, '0')}`, ALICE, '2026-11-20');
    await sendNudges(deps(store));
    const dm = dmsTo(ALICE)[0]!;
    expect(blockKitViolations(dm.args.blocks, 'message')).toEqual([]);
    expect(JSON.stringify(dm.args.blocks)).toContain('… and 45 more');
    expect(String(dm.args.text).length).toBeLessThanOrEqual(3000);
  });

  it('sends one DM per person and week when two replicas run at once, and none for a person who turned them off', async () => {
    const url = await databaseUrl();
    const [first, second] = [await open(url), await open(url)];
    for (const userId of [ALICE, BRUNO]) await own(first, `due-${userId.toLowerCase()}`, userId, '2026-11-27');
    await first.nudgePreferences.set(BRUNO, false, NOW);
    const [a, b] = await Promise.all([sendNudges(deps(first, 'one:1:aaaaaa')), sendNudges(deps(second, 'two:2:bbbbbb'))]);
    expect(dmsTo(ALICE)).toHaveLength(1);
    expect(dmsTo(BRUNO)).toHaveLength(0);
    const outcomes = [...a, ...b].flatMap((result) => ('result' in result ? [result.result.status] : []));
    expect(outcomes.filter((status) => status === 'posted')).toHaveLength(1);
    // Later runs of the week find it done.
    await sendNudges(deps(second, 'three:3:cccccc'));
    expect(dmsTo(ALICE)).toHaveLength(1);
    expect(await second.runs.get('nudges', `${ALICE}@2026-W48`)).toMatchObject({ state: 'done', channel: `D${ALICE.slice(1)}` });
  });

  it('finds a DM Slack took but answered too late instead of sending it again', async () => {
    const store = await open();
    await own(store, 'soon', ALICE, '2026-11-27');
    slack.failNext('chat.postMessage', { delayMs: 25_000 });
    const jobDeps = deps(store);
    const clients = createPostingClients({ token: BOT_TOKEN, slackApiUrl: slack.url, timeoutMs: 300, logger: silentLogger() });
    const [result] = await sendNudges({ ...jobDeps, poster: new SlackPoster(clients, { logger: jobDeps.logger, minIntervalMs: 0 }) });
    expect(result).toMatchObject({ userId: ALICE, result: { status: 'posted' } });
    expect(dmsTo(ALICE)).toHaveLength(1);
    expect(slack.callsTo('conversations.history').map((call) => call.args.channel)).toEqual([`D${ALICE.slice(1)}`]);
  });
});

describe('on NUDGE_CRON', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The scheduler with a poster that records when each direct message went out. */
  async function scheduled(now: string) {
    vi.useFakeTimers({ now: new Date(now), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const store = await openSqliteStore('sqlite::memory:');
    await own(store, 'due', ALICE, '2026-09-04');
    const { poster, posted: sent } = recordingPoster();
    const config = parseConfig({ CORRIDOR_CHANNEL: 'C0CORRIDOR' });
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    const scheduler = scheduleCorridorJobs({ config, store, logger: quiet, poster, recipients: async () => 'en' });
    await scheduler.caughtUp;
    // The digest and the reminder share the schedule: only the direct messages are looked at.
    return { scheduler, dms: () => sent.filter((message) => message.channel.startsWith('D')), store };
  }

  it('sends the week’s nudges on Mondays at 08:30 in Toronto, once', async () => {
    const { scheduler, dms, store } = await scheduled('2026-08-31T12:00:00Z'); // Monday 31 August, 08:00 EDT
    try {
      expect(parseConfig({}).NUDGE_CRON).toBe('30 8 * * 1');
      expect(scheduler.nextRun('nudges')?.toISOString()).toBe('2026-08-31T12:30:00.000Z');
      await vi.advanceTimersByTimeAsync(60 * 60_000);
      expect(dms().map((message) => [message.channel, message.at])).toEqual([['D0ALICE', '2026-08-31T12:30:00.000Z']]);
    } finally {
      await scheduler.stop();
      await store.close();
    }
  });

  it('holds Labour Day’s nudges to Tuesday at 08:30, as the digest is held', async () => {
    const { scheduler, dms, store } = await scheduled('2026-09-07T12:00:00Z'); // Monday 7 September, Labour Day
    try {
      await vi.advanceTimersByTimeAsync(25 * 60 * 60_000);
      expect(dms().map((message) => message.at)).toEqual(['2026-09-08T12:30:00.000Z']);
    } finally {
      await scheduler.stop();
      await store.close();
    }
  });
});
