import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/domain/dates.js';
import { ACTION_IDS, keyedActionId } from '../../src/slack/interaction-ids.js';
import { sqlitePathFromUrl } from '../../src/store/open-store.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { expectFormKept } from '../support/not-saved-form.js';
import { buttonClick, viewSubmission } from '../support/slack-interactions.js';
import { tempStores } from '../support/temp-stores.js';

// "Nothing hangs": another process (here python3's sqlite3, as a backup or the sqlite3 shell would)
// holds BEGIN EXCLUSIVE on the store's file for 10 s while a coordinator submits a form. The app
// keeps answering everyone else; the form says the database is busy and keeps what was typed;
// once the lock is released, submitting again saves.

type Json = Record<string, unknown>;

const { open, databaseUrl } = tempStores('slack-busy');
const GUEST = 'U0GUEST';
const FRENCH_ADMIN = 'U0ADMINFR';
const LOCK_SECONDS = 10;
/** Slack shows an error when an interaction is not answered within 3 s. */
const SLACK_WINDOW_MS = 3_000;

const HOLD_LOCK = `
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute('BEGIN EXCLUSIVE')
print('locked', flush=True)
time.sleep(float(sys.argv[2]))
connection.execute('COMMIT')
connection.close()
`;

let running: RunningCorridorApp;
let path: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  const url = await databaseUrl();
  path = sqlitePathFromUrl(url);
  running = await startCorridorApp({ CORRIDOR_ADMINS: `${ADMIN_ID},${FRENCH_ADMIN}` }, await open(url));
  running.slack.setUser({ id: ADMIN_ID, locale: 'en-US', real_name: 'Ada Admin' });
  running.slack.setUser({ id: FRENCH_ADMIN, locale: 'fr-CA', real_name: 'Fanny Admin' });
  running.slack.setUser({ id: GUEST, locale: 'fr-CA', real_name: 'Gaston' });
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  await running.close();
});

/** Starts python3 holding the file's write lock; resolves once it holds it, with its end. */
function holdExclusiveLock(seconds: number): Promise<{ released: Promise<number | null> }> {
  const child = spawn('python3', ['-c', HOLD_LOCK, path, String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const released = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve({ released });
    });
  });
}

async function timed<T>(work: Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work;
  return { result, ms: performance.now() - started };
}

describe('while another process holds the database file’s write lock', () => {
  it('answers others at once, tells the submitter the database is busy, and saves once it is released', async () => {
    const opened = await running.command('partner add', { user_id: ADMIN_ID });
    expect(opened.text).toBe('');
    await running.corridor.idle();
    const view = running.slack.callsTo('views.open').at(-1)!.args.view as Json;
    const typed = { name: 'Nova Semi', status: 'pending', status_date: localIsoDate(new Date(), running.config.CORRIDOR_TZ) };
    const changesBefore = (await running.store.changesSince(new Date(0))).length;

    const lock = await holdExclusiveLock(LOCK_SECONDS);
    const submitting = timed(running.interaction(viewSubmission(ADMIN_ID, view, typed)));
    await new Promise((resolve) => setTimeout(resolve, 200));

    // Another user, meanwhile: answered as usual, well within Slack's window.
    const pending = await timed(running.command('pending', { user_id: GUEST }));
    expect(pending.result.status).toBe(200);
    expect((pending.result.json as { text: string }).text).toMatch(/adhésion/i);
    expect(pending.ms).toBeLessThan(SLACK_WINDOW_MS);

    // The submitter: the form drawn again with what was typed, the notice at its top.
    const submitted = await submitting;
    expect(submitted.ms).toBeLessThan(SLACK_WINDOW_MS);
    const redrawn = expectFormKept(submitted.result.json, view, typed, 'Not saved: the database is busy. Everything you typed is still here; try again in a moment.');
    expect(await running.store.partners.get('nova-semi')).toBeUndefined();
    expect(await running.store.changesSince(new Date(0))).toHaveLength(changesBefore);

    // A button that writes (snooze, a coordinator's) gets one polite line, in the clicker's language.
    const snooze = buttonClick(FRENCH_ADMIN, keyedActionId(ACTION_IDS.reminderSnooze, 'cmc-microsystems'), 'cmc-microsystems', {
      responseUrl: running.slack.responseUrl,
    });
    expect((await running.interaction(snooze)).status).toBe(200);
    await running.corridor.idle();
    expect(running.slack.callsTo('response_url').at(-1)!.args).toMatchObject({
      response_type: 'ephemeral',
      text: 'La base de données est occupée — réessayez dans un instant.',
    });
    expect(await running.store.snoozes.active('2000-01-01')).toEqual([]);

    const stillLocked = await timed(running.command('partners', { user_id: GUEST }));
    expect(stillLocked.ms).toBeLessThan(SLACK_WINDOW_MS);

    expect(await lock.released).toBe(0);
    // Submitted again as it stands, the form drawn again saves what was typed.
    const again = await running.interaction(viewSubmission(ADMIN_ID, redrawn));
    expect(again.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(again.json)).toContain('*Nova Semi* was added');
    expect(await running.store.partners.get('nova-semi')).toMatchObject({ name: 'Nova Semi', status: 'pending' });
    expect((await running.store.history('partner', 'nova-semi')).map((entry) => entry.change)).toEqual(['created']);
  }, 30_000);
});

describe('the busy notice elsewhere', () => {
  it('shows atop the mark-as-signed form, in French with the date kept, and as a notice for a Home tab button', async () => {
    const markSigned = buttonClick(FRENCH_ADMIN, keyedActionId(ACTION_IDS.reminderMarkSigned, 'cmc-microsystems'), 'cmc-microsystems', {
      responseUrl: running.slack.responseUrl,
    });
    await running.interaction(markSigned);
    await running.corridor.idle();
    const form = running.slack.callsTo('views.open').at(-1)!.args.view as Json;
    const item = (await running.store.actions.list()).find((candidate) => candidate.status !== 'done')!;
    const today = localIsoDate(new Date(), running.config.CORRIDOR_TZ);

    // Another connection's transaction holds the lock for the whole of both waits.
    const locker = new Database(path);
    try {
      locker.exec('BEGIN IMMEDIATE');
      const [submitted] = await Promise.all([
        running.interaction(viewSubmission(FRENCH_ADMIN, form, { signed_on: today })),
        running.interaction(buttonClick(ADMIN_ID, keyedActionId(ACTION_IDS.actionDone, item.id), item.id)),
      ]);
      await running.corridor.idle();
      expectFormKept(submitted.json, form, { signed_on: today }, 'Non enregistré\u00a0: la base de données est occupée.');
      const notice = running.slack.callsTo('views.open').at(-1)!.args.view as Json;
      expect(notice).toMatchObject({ title: { text: 'Database busy' } });
      expect(JSON.stringify(notice)).toContain('The database is busy — try again in a moment.');
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    expect(await running.store.partners.get('cmc-microsystems')).toMatchObject({ status: 'pending' });
    expect(await running.store.actions.get(item.id)).toMatchObject({ status: item.status, version: item.version });
  });
});
