import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../src/domain/dates.js';
import { isoWeekKey } from '../../src/domain/periods.js';
import { POST_METADATA_EVENT } from '../../src/jobs/slack-poster.js';
import { draftOf } from '../../src/domain/draft.js';
import { openSqliteStore, openStore } from '../../src/store/open-store.js';
import { actionRecord } from '../support/records.js';
import { startSlackApiEmulator } from '../support/slack-api-emulator.js';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, BOT_TOKEN, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { cleanEnv, runCli, type CliResult } from '../support/run-cli.js';
import { viewSubmission, type Json } from '../support/slack-interactions.js';
import { tempStores } from '../support/temp-stores.js';

// `npm run nudges` as the new coordinator tries it: an action item added through the form,
// the command run as of a later day in its own process, the DM read from what Slack received.

const { databaseUrl } = tempStores('nudges-cli');
const ZONE = 'America/Toronto';
const today = localIsoDate(new Date(), ZONE);
let running: RunningCorridorApp;
let url: string;

beforeEach(async () => {
  url = await databaseUrl();
  running = await startCorridorApp({}, await openSqliteStore(url));
  running.slack.setUser({ id: ADMIN_ID, locale: 'en-US' });
});

afterEach(async () => {
  await running.close();
});

/** `npm run nudges -- <args>` on the app's database and Slack. */
function nudges(...args: string[]): Promise<CliResult> {
  return runCli('src/cli/nudges.ts', { args, env: cleanEnv({ DATABASE_URL: url, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: running.slack.url }) });
}

const directMessages = () => running.slack.callsTo('chat.postMessage').filter((call) => String(call.args.channel).startsWith('D'));

async function addOwnItemDueIn(days: number): Promise<string> {
  await running.command('action add', { user_id: ADMIN_ID });
  await running.corridor.idle();
  const view = running.slack.callsTo('views.open').at(-1)!.args.view as Json;
  const typed = { title_en: 'Map the suppliers of the corridor', title_fr: 'Cartographier les fournisseurs du corridor', track: 'value-chains', owner: ADMIN_ID, due: addDays(today, days) };
  expect((await running.interaction(viewSubmission(ADMIN_ID, view, typed))).status).toBe(200);
  await running.corridor.idle();
  const item = (await running.store.actions.list()).find((candidate) => candidate.title.en === typed.title_en);
  expect(item).toMatchObject({ ownerUserId: ADMIN_ID, dueOn: addDays(today, days) });
  return item!.id;
}

describe('npm run nudges', () => {
  it('sends the owner one DM naming their item due soon, nothing on a second run, and nothing once they turned nudges off', async () => {
    const id = await addOwnItemDueIn(10);
    const fiveDaysLater = addDays(today, 5);

    const first = await nudges('--date', fiveDaysLater);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(running.slack.callsTo('conversations.open').map((call) => call.args.users)).toEqual([ADMIN_ID]);
    expect(directMessages()).toHaveLength(1);
    const dm = directMessages()[0]!;
    expect(dm.args.channel).toBe(`D${ADMIN_ID.slice(1)}`);
    expect(dm.args.text).toContain('Map the suppliers of the corridor');
    expect(blockKitViolations(dm.args.blocks as Json[], 'message')).toEqual([]);
    const blocks = JSON.stringify(dm.args.blocks);
    expect(blocks).toContain(`"action_id":"action_done:${id}"`);
    expect(blocks).toContain(`"action_id":"action_postpone:${id}"`);
    expect(dm.args.metadata).toEqual({ event_type: POST_METADATA_EVENT, event_payload: { job: 'nudges', period: `${ADMIN_ID}@${isoWeekKey(fiveDaysLater)}` } });
    expect(first.stdout).toContain(`Nudge ${ADMIN_ID}@${isoWeekKey(fiveDaysLater)}: posted to D`);

    const again = await nudges('--date', fiveDaysLater);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already posted');
    expect(directMessages()).toHaveLength(1);

    const off = await running.command('nudges off', { user_id: ADMIN_ID });
    expect(JSON.stringify(off.json)).toContain('Your weekly nudges are off');
    // The next week the item is overdue: without the choice, it would be sent.
    const nextWeek = addDays(fiveDaysLater, 7);
    const quiet = await nudges('--date', nextWeek);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toContain('nobody');
    expect(directMessages()).toHaveLength(1);

    await running.command('nudges on', { user_id: ADMIN_ID });
    expect((await nudges('--date', nextWeek)).code).toBe(0);
    expect(directMessages()).toHaveLength(2);
    expect(directMessages()[1]!.args.text).toContain('overdue');
  });

  it('--dry-run prints each person’s nudge and sends nothing; with no item due it says so', async () => {
    const nothing = await runCli('src/cli/nudges.ts', { args: ['--dry-run'], env: cleanEnv({ DATABASE_URL: url }) });
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toContain('nobody has an action item overdue or due within 7 days');
    await addOwnItemDueIn(3);
    const preview = await runCli('src/cli/nudges.ts', { args: ['--dry-run'], env: cleanEnv({ DATABASE_URL: url }) });
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain(`the nudge that would be sent to ${ADMIN_ID} now`);
    expect(preview.stdout).toContain('Map the suppliers of the corridor');
    expect(preview.stdout).toContain('[Done] [Postpone a week]');
    expect(directMessages()).toHaveLength(0);
  });

  it('--dry-run --date holds Labour Day’s nudges to the next working day, as the other weekly posts are', async () => {
    const result = await runCli('src/cli/nudges.ts', { args: ['--dry-run', '--date', '2026-09-07'], env: cleanEnv({ DATABASE_URL: url }) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no nudge on Monday, September 7, 2026, a public holiday: Labor Day');
    expect(result.stdout).toContain('Tuesday, September 8, 2026 at 8:30 a.m.');
  });

  it('refuses a bad --date in one line', async () => {
    const result = await nudges('--date', '2026-13-40');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--date');
  });
});

describe('two npm run nudges racing on PostgreSQL', () => {
  const postgres = tempStores('nudges-race', 'postgres');

  it('send each person one DM between them', async () => {
    const pgUrl = await postgres.databaseUrl();
    const store = await openStore(pgUrl);
    const owners = ['U0ALICE', 'U0BRUNO', 'U0CLAIRE'];
    for (const owner of owners) {
      await store.actions.save(draftOf(actionRecord(`due-${owner.toLowerCase()}`, null, { ownerUserId: owner, dueOn: addDays(today, 2) })), { actor: ADMIN_ID });
    }
    await store.close();
    const slack = await startSlackApiEmulator({ botToken: BOT_TOKEN });
    try {
      for (const id of owners) slack.setUser({ id });
      const env = cleanEnv({ DATABASE_URL: pgUrl, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.url });
      const runs = await Promise.all([runCli('src/cli/nudges.ts', { env }), runCli('src/cli/nudges.ts', { env })]);
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      const dms = slack.callsTo('chat.postMessage');
      expect(dms.map((call) => call.args.channel).sort()).toEqual(['D0ALICE', 'D0BRUNO', 'D0CLAIRE']);
      expect(runs.map((run) => run.stdout).join('\n').match(/posted to D/g)).toHaveLength(3);
    } finally {
      await slack.close();
    }
  });
});
