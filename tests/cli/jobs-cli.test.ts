import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../src/domain/dates.js';
import { draftOf } from '../../src/domain/draft.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import { eventRecord } from '../support/records.js';
import { cleanEnv, runCli } from '../support/run-cli.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';

// `npm run remind`, `npm run digest` and `npm run event-reminder` as an operator or an external scheduler runs them:
// separate processes, a database file, and the Slack Web API emulator instead of Slack.

const BOT_TOKEN = 'xoxb-corridor-cli';
const CHANNEL = 'C0CORRIDOR';

/** Adds an event taking place tomorrow (in the corridor's zone) to the database the CLI will open. */
async function addEventTomorrow(env: NodeJS.ProcessEnv): Promise<string> {
  const store = await openSqliteStore(env.DATABASE_URL!); // creates and seeds the file (cleanEnv sets the URL)
  const tomorrow = addDays(localIsoDate(new Date(), 'America/Toronto'), 1);
  const forum = eventRecord('forum', tomorrow, { title: { fr: 'Forum de l’innovation', en: 'Innovation forum' }, startTime: '18:30' });
  await store.events.save(draftOf(forum), { actor: 'U0ADMIN' });
  await store.close();
  return tomorrow;
}

const PARTNERS_DATABASE = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
const PARTNERS_DATA_SOURCE = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const CMC_PAGE = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';

/** Records, as the Notion sync does, that CMC Microsystems has its page; returns the Notion settings. */
async function syncedToNotion(env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const store = await openSqliteStore(env.DATABASE_URL!); // creates and seeds the file (cleanEnv sets the URL)
  const links = store.notionLinks;
  await links.rememberDataSource(PARTNERS_DATABASE, PARTNERS_DATA_SOURCE, new Date());
  await links.save({
    dataSourceId: PARTNERS_DATA_SOURCE,
    entity: 'partner',
    recordId: 'cmc-microsystems',
    pageId: CMC_PAGE,
    pushedHash: 'synced',
    pushedValues: {},
    pushedAt: new Date().toISOString(),
    notionEditedAt: null,
    archived: false,
  });
  await store.close();
  return {
    NOTION_TOKEN: 'ntn_corridor_cli',
    NOTION_PARTNERS_DATABASE_ID: PARTNERS_DATABASE.replace(/-/g, ''),
    NOTION_ACTIONS_DATABASE_ID: '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f',
  };
}

describe('--help', () => {
  it('npm run remind -- --help says the bot posts the reminder weekly by default, in either language', async () => {
    const english = await runCli('src/cli/remind.ts', { args: ['--help'] });
    expect(english.code).toBe(0);
    expect(english.stdout).toContain('The running bot posts it on REMINDER_CRON: by default once a week, on Tuesdays at 10:00 (0 10 * * 2).');
    expect(english.stdout).not.toMatch(/today’s reminder|\(once a day\)/);
    const french = await runCli('src/cli/remind.ts', { args: ['--help'], env: cleanEnv({ LANG: 'fr_CA.UTF-8' }) });
    expect(french.stdout).toContain('par défaut une fois par semaine, le mardi à 10 h (0 10 * * 2).');
  });
});

describe('--dry-run, with no credentials', () => {
  it('npm run remind -- --dry-run prints the three pending adhesions with their ages', async () => {
    const result = await runCli('src/cli/remind.ts', { args: ['--dry-run'] });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const name of ['Venture Lab', 'CMC Microsystems', 'Department of Business and Economic Affairs – State of New Hampshire']) {
      expect(result.stdout).toMatch(new RegExp(`${name} — intention declared for \\d+ years?`));
      expect(result.stdout).toMatch(new RegExp(`${name} — intention déclarée depuis \\d+ ans?`));
    }
    expect(result.stdout).toContain('[Marquer comme signée / Mark as signed] [Reporter d’une semaine / Snooze 1 week]');
  });

  it('npm run remind -- --dry-run has *Open in Notion* for the partners the Notion sync has a page for', async () => {
    const env = cleanEnv();
    const result = await runCli('src/cli/remind.ts', { args: ['--dry-run'], env: { ...env, ...(await syncedToNotion(env)) } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const withNotion = '[Marquer comme signée / Mark as signed] [Reporter d’une semaine / Snooze 1 week] [Consigner un contact / Log a contact] [Ouvrir dans Notion / Open in Notion]';
    expect(result.stdout.split(withNotion)).toHaveLength(2);
    expect(result.stdout.indexOf(withNotion)).toBeGreaterThan(result.stdout.indexOf('CMC Microsystems — intention declared for'));
  });

  it('npm run digest -- --dry-run prints the digest in French, then English', async () => {
    const result = await runCli('src/cli/digest.ts', { args: ['--dry-run'] });
    expect(result.code).toBe(0);
    const french = result.stdout.indexOf('RÉSUMÉ DU CORRIDOR — SEMAINE DU');
    const english = result.stdout.indexOf('CORRIDOR DIGEST — WEEK OF');
    expect(french).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(french);
    expect(result.stdout).toContain('Pending adhesions (3)');
    expect(result.stdout).toContain('Adhésions en attente (3)');
  });

  it('npm run digest -- --dry-run lists an event added and an action item re-assigned under what changed', async () => {
    const env = cleanEnv();
    const quiet = await runCli('src/cli/digest.ts', { args: ['--dry-run'], env });
    expect(quiet.stdout).toContain('Nothing new in the records.');
    await addEventTomorrow(env);
    const store = await openSqliteStore(env.DATABASE_URL!);
    const item = (await store.actions.get('announce-new-adhesions'))!;
    await store.actions.save({ ...draftOf(item), ownerUserId: 'U0OWNER' }, { actor: 'U0ADMIN' });
    await store.close();
    const result = await runCli('src/cli/digest.ts', { args: ['--dry-run'], env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Nothing new in the records.');
    expect(result.stdout).toContain('Events added: Innovation forum');
    expect(result.stdout).toContain('Événements ajoutés\u00a0: Forum de l’innovation');
    expect(result.stdout).toContain('Action items re-assigned: Announce the adhesion of new strategic partners to the MOU (now @U0OWNER)');
    expect(result.stdout).toContain('Actions réassignées\u00a0: Annoncer l’adhésion de nouveaux partenaires stratégiques au MOU (désormais @U0OWNER)');
  });

  it('npm run event-reminder -- --dry-run prints tomorrow’s events in French, then English', async () => {
    const env = cleanEnv();
    const none = await runCli('src/cli/event-reminder.ts', { args: ['--dry-run'], env });
    expect(none.stderr).toBe('');
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/^Dry run: nothing to post to CORRIDOR_CHANNEL \(not set\) — no event tomorrow \(\d{4}-\d{2}-\d{2}\)\.$/m);
    const tomorrow = await addEventTomorrow(env);
    const result = await runCli('src/cli/event-reminder.ts', { args: ['--dry-run'], env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`the event reminder ${tomorrow} that would be posted`);
    const french = result.stdout.indexOf('Rappel\u00a0: Forum de l’innovation a lieu demain.');
    const english = result.stdout.indexOf('Reminder: Innovation forum is tomorrow.');
    expect(french).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(french);
  });

  it('follows CORRIDOR_CHANNEL_LANG', async () => {
    const result = await runCli('src/cli/digest.ts', { args: ['--dry-run'], env: cleanEnv({ CORRIDOR_CHANNEL_LANG: 'en' }) });
    expect(result.stdout).toContain('CORRIDOR DIGEST');
    expect(result.stdout).not.toContain('RÉSUMÉ');
  });

  it('refuses an unknown option, and asks for a token to post for real', async () => {
    const unknown = await runCli('src/cli/remind.ts', { args: ['--now'] });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('corridor-bot: unknown option --now; usage: npm run remind [-- --dry-run [--date YYYY-MM-DD]]\n');
    const noToken = await runCli('src/cli/digest.ts', { env: cleanEnv({ CORRIDOR_CHANNEL: CHANNEL }) });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toBe('corridor-bot: SLACK_BOT_TOKEN: required to post (expected xoxb-…); add --dry-run to print the message instead\n');
    const noChannel = await runCli('src/cli/digest.ts', { env: cleanEnv({ SLACK_BOT_TOKEN: BOT_TOKEN }) });
    expect(noChannel.code).toBe(1);
    expect(noChannel.stderr).toContain('CORRIDOR_CHANNEL: required');
  });
});

describe('posting to the Web API emulator', () => {
  let slack: SlackApiEmulator;

  beforeEach(async () => {
    slack = await startSlackApiEmulator({ botToken: BOT_TOKEN });
  });

  afterEach(async () => {
    await slack.close();
  });

  const slackEnv = () => cleanEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.url, CORRIDOR_CHANNEL: CHANNEL });

  it('npm run digest twice in the same week posts one message', async () => {
    const env = slackEnv();
    const first = await runCli('src/cli/digest.ts', { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Digest \d{4}-W\d{2}: posted to C0CORRIDOR/);
    const second = await runCli('src/cli/digest.ts', { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^Digest \d{4}-W\d{2}: already posted; nothing to do\./);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('npm run remind links a synced partner to its Notion page', async () => {
    const env = slackEnv();
    const result = await runCli('src/cli/remind.ts', { env: { ...env, ...(await syncedToNotion(env)) } });
    expect(result.code).toBe(0);
    const [summary, details] = slack.callsTo('chat.postMessage');
    expect(details!.args.thread_ts).toBe(/\(ts (\S+)\)/.exec(result.stdout)![1]);
    expect(JSON.stringify(summary!.args.blocks)).not.toContain('www.notion.so');
    const buttons = JSON.stringify(details!.args.blocks);
    expect(buttons).toContain(`"url":"https://www.notion.so/${CMC_PAGE.replace(/-/g, '')}"`);
    expect(buttons.match(/www\.notion\.so/g)).toHaveLength(1);
  });

  it('npm run event-reminder twice posts tomorrow’s event once', async () => {
    const env = slackEnv();
    const tomorrow = await addEventTomorrow(env);
    const first = await runCli('src/cli/event-reminder.ts', { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^Event reminder ${tomorrow}: posted to C0CORRIDOR`));
    const second = await runCli('src/cli/event-reminder.ts', { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`^Event reminder ${tomorrow}: already posted`));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(String(slack.callsTo('chat.postMessage')[0]!.args.text)).toContain('Innovation forum');
  });

  it('two processes at once on one database post one message', async () => {
    const env = slackEnv();
    await runCli('src/cli/remind.ts', { args: ['--dry-run'], env }); // creates and seeds the file first
    const results = await Promise.all([runCli('src/cli/remind.ts', { env }), runCli('src/cli/remind.ts', { env })]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    // One message, and one reply in its thread.
    expect(slack.callsTo('chat.postMessage').map((call) => Boolean(call.args.thread_ts))).toEqual([false, true]);
    expect(results.filter((r) => r.stdout.includes('posted to C0CORRIDOR'))).toHaveLength(1);
  });

  it('after a ratelimited answer, posts once the wait is over', async () => {
    slack.failNext('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 1 });
    const result = await runCli('src/cli/digest.ts', { env: slackEnv() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('posted to C0CORRIDOR');
    expect(result.stderr).toContain('waiting 1 s (Retry-After)');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('on not_in_channel exits 1 with one line saying to invite the bot, and a later run posts', async () => {
    const env = slackEnv();
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const failed = await runCli('src/cli/remind.ts', { env });
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n').filter((line) => line.includes('error'))).toHaveLength(1);
    expect(failed.stderr).toContain('invite it (type /invite @corridor in that channel)');
    const retried = await runCli('src/cli/remind.ts', { env });
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain('posted to C0CORRIDOR');
    // The refused try, then the message and its thread reply.
    expect(slack.callsTo('chat.postMessage').map((call) => Boolean(call.args.thread_ts))).toEqual([false, false, true]);
  });
});
