import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../src/i18n/index.js';
import { ACTION_IDS, keyedActionId } from '../../src/slack/interaction-ids.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { buttonClick } from '../support/slack-interactions.js';

// A modal command acknowledges first and opens the modal after: Slack shows "/corridor failed" when
// the command is not answered within 3 s, and a trigger_id dies after 3 s anyway.

const FRENCH_ADMIN = 'U0ADMINFR';
let running: RunningCorridorApp;

beforeAll(async () => {
  running = await startCorridorApp({ CORRIDOR_ADMINS: `${ADMIN_ID},${FRENCH_ADMIN}` });
  running.slack.setUser({ id: ADMIN_ID, locale: 'en-US' });
  running.slack.setUser({ id: FRENCH_ADMIN, locale: 'fr-CA' });
});

afterAll(async () => {
  await running.close();
});

beforeEach(() => {
  running.slack.reset();
});

async function politeLine(): Promise<Record<string, unknown>> {
  await vi.waitFor(() => expect(running.slack.callsTo('response_url')).toHaveLength(1), { timeout: 6_000 });
  return running.slack.callsTo('response_url')[0]!.args;
}

describe('a modal command when Slack is slow to open the modal', () => {
  it('answers the command within 3 s, then tells the user politely that the form did not open', async () => {
    running.slack.failNext('views.open', { delayMs: 5_000 });
    const started = Date.now();
    const response = await running.command('partner add', { user_id: ADMIN_ID });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(Date.now() - started).toBeLessThan(3_000);

    expect(await politeLine()).toMatchObject({ response_type: 'ephemeral', text: catalogue('en').common.modalUnavailable });
    // One try only: a second would come after the trigger expired.
    expect(running.slack.callsTo('views.open')).toHaveLength(1);
  });

  it('says so in French to a French-speaking user when Slack refuses the trigger', async () => {
    running.slack.failNext('views.open', { error: 'expired_trigger_id' });
    const response = await running.command('event add', { user_id: FRENCH_ADMIN });
    expect(response.status).toBe(200);
    expect(await politeLine()).toMatchObject({ response_type: 'ephemeral', text: catalogue('fr').common.modalUnavailable });
  });

  it('opens the modal and says nothing more when Slack answers', async () => {
    await running.command('action add', { user_id: ADMIN_ID });
    await running.corridor.idle();
    expect(running.slack.callsTo('views.open')).toHaveLength(1);
    expect(running.slack.callsTo('response_url')).toEqual([]);
  });
});

describe('a button that opens a modal when Slack is slow to open it', () => {
  it('acknowledges the click at once, tries once, and answers politely under the message', async () => {
    running.slack.failNext('views.open', { delayMs: 5_000 });
    const actionId = keyedActionId(ACTION_IDS.reminderMarkSigned, 'cmc-microsystems');
    const started = Date.now();
    const response = await running.interaction(buttonClick(ADMIN_ID, actionId, 'cmc-microsystems', { responseUrl: running.slack.responseUrl }));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await politeLine()).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: catalogue('en').common.modalUnavailable });
    expect(running.slack.callsTo('views.open')).toHaveLength(1);
  });
});
