import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/domain/dates.js';
import { ACTION_IDS, SHORTCUT_IDS } from '../../src/slack/interaction-ids.js';
import { renderBlocksAsText } from '../../src/slack/views/render-text.js';
import { viewViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { buttonClick, messageAction, viewSubmission } from '../support/slack-interactions.js';

// A Slack message turned into a record in two clicks, and the contact-log form behind the
// *Log a contact* buttons: signed payloads into the real receiver, modals checked as Slack would.

type Json = Record<string, unknown>;
const ALICE = 'U0ALICE'; // a colleague in the installing workspace, not a coordinator
const PARTNER = 'U0PARTNER'; // someone at Venture Lab, in their own Slack organisation
const MESSAGE = { text: 'Venture Lab: their counsel has the draft, answer expected next week', user: 'U0BOSS', ts: '1733400000.000200' };
const today = () => localIsoDate(new Date(), 'America/Toronto');

let running: RunningCorridorApp;

beforeEach(async () => {
  running = await startCorridorApp();
  running.slack.setUser({ id: ALICE, locale: 'en-US' });
  running.slack.setUser({ id: PARTNER, locale: 'en-US', team_id: 'T0VENTURELAB' });
});

afterEach(async () => {
  await running.close();
});

function lastModal(): Json {
  const view = running.slack.callsTo('views.open').at(-1)!.args.view as Json;
  expect(viewViolations(view)).toEqual([]);
  return view;
}

function input(view: Json, blockId: string): Json {
  const block = (view.blocks as Json[]).find((candidate) => candidate.block_id === blockId);
  expect(block, blockId).toBeDefined();
  return block!.element as Json;
}

describe('message shortcuts', () => {
  it('opens the action item form, acknowledged at once, holding the message’s text, its author and a link back', async () => {
    const response = await running.interaction(messageAction(ADMIN_ID, SHORTCUT_IDS.addActionItem, MESSAGE));
    expect(response.status).toBe(200);
    await running.corridor.idle();
    const view = lastModal();
    expect(view.callback_id).toBe('action_modal');
    const texts = (view.blocks as Json[]).filter((block) => block.type === 'input').map((block) => (block.element as Json).initial_value);
    expect(texts).toContain(MESSAGE.text);
    expect((view.blocks as Json[]).find((block) => (block.element as Json | undefined)?.type === 'users_select')!.element).toMatchObject({ initial_user: 'U0BOSS' });
    expect(JSON.stringify(view.blocks)).toContain('slack.com/archives/C0CORRIDOR/p1733400000000200');
    expect(running.slack.callsTo('chat.getPermalink')[0]!.args).toMatchObject({ channel: 'C0CORRIDOR', message_ts: MESSAGE.ts });
  });

  it('opens the contact-log form with the text and the partner the message names, and saves the entry once', async () => {
    await running.interaction(messageAction(ADMIN_ID, SHORTCUT_IDS.logOnPartner, MESSAGE));
    await running.corridor.idle();
    const view = lastModal();
    expect(input(view, 'contact_partner')).toMatchObject({ initial_option: { value: 'venture-lab' } });
    expect(String(input(view, 'contact_text').initial_value)).toContain('their counsel has the draft');
    const submitted = viewSubmission(ADMIN_ID, view, {}, 'V0SHORTCUT01');
    expect((await running.interaction(submitted)).text).toBe('');
    // Slack delivers the same submission again: still one entry.
    expect((await running.interaction(submitted)).text).toBe('');
    const entries = await running.store.contacts.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ partnerId: 'venture-lab', on: today(), kind: 'call', author: ADMIN_ID });
    expect(entries[0]!.text).toContain('slack.com/archives');
  });

  it('refuses a colleague politely and opens nothing; another organisation gets nothing at all', async () => {
    await running.interaction(messageAction(ALICE, SHORTCUT_IDS.addActionItem, MESSAGE, { responseUrl: running.slack.responseUrl }));
    await running.interaction(messageAction(PARTNER, SHORTCUT_IDS.logOnPartner, MESSAGE, { responseUrl: running.slack.responseUrl }));
    await running.corridor.idle();
    expect(running.slack.callsTo('views.open')).toHaveLength(0);
    const answers = running.slack.callsTo('response_url');
    expect(answers).toHaveLength(1);
    expect(String(answers[0]!.args.text)).toMatch(/coordinator/i);
  });
});

describe('the contact-log form', () => {
  it('opens from the card’s *Log a contact*, shows errors in the form, and logs the contact', async () => {
    await running.interaction(buttonClick(ADMIN_ID, ACTION_IDS.logContact, 'cmc-microsystems'));
    await running.corridor.idle();
    const view = lastModal();
    expect(input(view, 'contact_partner')).toMatchObject({ initial_option: { value: 'cmc-microsystems' } });
    const empty = await running.interaction(viewSubmission(ADMIN_ID, view, { contact_text: null, contact_on: '2099-01-01' }));
    expect(empty.json).toMatchObject({ response_action: 'errors', errors: { contact_text: 'Say what was said.', contact_on: expect.stringContaining('once it has happened') } });
    expect(await running.store.contacts.list()).toHaveLength(0);
    const done = await running.interaction(viewSubmission(ADMIN_ID, view, { contact_text: 'Meeting in Bromont', contact_kind: 'meeting', contact_next: '2099-01-15' }));
    expect(done.text).toBe('');
    expect((await running.store.contacts.list())[0]).toMatchObject({ partnerId: 'cmc-microsystems', kind: 'meeting', text: 'Meeting in Bromont', nextFollowUpOn: '2099-01-15' });
    const card = (await running.command('partner cmc')).json as { blocks: Json[] };
    expect(renderBlocksAsText(card.blocks as never)).toContain('next follow-up January 15, 2099');
  });

  it('refuses the button to a colleague who is not a coordinator', async () => {
    await running.interaction(buttonClick(ALICE, ACTION_IDS.logContact, 'cmc-microsystems'));
    await running.corridor.idle();
    expect(JSON.stringify(lastModal())).toMatch(/coordinator/i);
  });
});
