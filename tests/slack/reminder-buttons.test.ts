import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { localIsoDate } from '../../src/domain/dates.js';
import { draftOf } from '../../src/domain/draft.js';
import type { Partner } from '../../src/domain/types.js';
import { WebClient } from '@slack/web-api';
import { composeReminder } from '../../src/jobs/remind.js';
import { ACTION_IDS, keyedActionId } from '../../src/slack/interaction-ids.js';
import { blockKitViolations, viewViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, BOT_TOKEN, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { appHomeOpened } from '../support/slack-interactions.js';

// The reminder's buttons through the real Bolt receiver: signed block_actions and view_submission
// requests in, Web API calls and response_url posts out to the emulator.

const GUEST_ID = 'U0GUEST';
const OWNER_ID = 'U0OWNER';
const TORONTO = 'America/Toronto';
let running: RunningCorridorApp;
/** The reminder's thread reply, as posted to the emulator: the message the buttons are in. */
let reminder: { text: string; blocks: KnownBlock[]; ts: string };
let poster: WebClient;

beforeAll(async () => {
  running = await startCorridorApp();
  running.slack.setUser({ id: ADMIN_ID, locale: 'en-US', real_name: 'Ada Admin' });
  running.slack.setUser({ id: GUEST_ID, locale: 'fr-CA', real_name: 'Gaston' });
  running.slack.setUser({ id: OWNER_ID, locale: 'en-US', real_name: 'Olive Owner' });
  poster = new WebClient(BOT_TOKEN, { slackApiUrl: running.slack.url });
});

afterAll(async () => {
  await running.close();
});

beforeEach(async () => {
  const composed = await composeReminder({ store: running.store, config: running.config, logger: console }, new Date(), 'internal');
  running.slack.reset();
  if (!composed) return; // every adhesion signed or snoozed by the tests before
  const parent = await poster.chat.postMessage({ channel: 'C0CORRIDOR', text: composed.text, blocks: composed.blocks });
  const first = composed.thread![0]!;
  if (!('reply' in first)) throw new Error('the reminder’s thread holds its details, a message');
  const details = first.reply;
  const posted = await poster.chat.postMessage({ channel: 'C0CORRIDOR', thread_ts: parent.ts!, text: details.text, blocks: details.blocks });
  reminder = { ...details, ts: posted.ts! };
  running.slack.reset();
});

/** The reminder's button of one kind for one partner, as Slack shows it. */
function button(action: string, partnerId: string): { button: Button; blockId: string } {
  for (const block of reminder.blocks) {
    if (block.type !== 'actions') continue;
    const found = (block as ActionsBlock).elements.find((e) => e.type === 'button' && e.action_id === keyedActionId(action, partnerId));
    if (found) return { button: found as Button, blockId: block.block_id! };
  }
  throw new Error(`no ${action} button for ${partnerId}`);
}

/** A click on the posted reminder, as Slack delivers it. */
function click(userId: string, action: string, partnerId: string) {
  const { button: pressed, blockId } = button(action, partnerId);
  return running.interaction({
    type: 'block_actions',
    api_app_id: 'A0CORRIDOR',
    token: 'legacy-verification-token',
    team: { id: 'T0CORRIDOR', domain: 'corridor' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: 'T0CORRIDOR' },
    channel: { id: 'C0CORRIDOR', name: 'corridor' },
    container: { type: 'message', message_ts: reminder.ts, channel_id: 'C0CORRIDOR', is_ephemeral: false },
    message: { type: 'message', ts: reminder.ts, user: 'U0BOT', text: reminder.text, blocks: reminder.blocks },
    trigger_id: '1000000000001.1000000000002.0123456789abcdef0123456789abcdef',
    response_url: running.slack.responseUrl,
    actions: [{ type: 'button', action_id: pressed.action_id, block_id: blockId, value: pressed.value, text: pressed.text, action_ts: '1700000002.000002' }],
  });
}

/** The mark-as-signed form submitted with a date, as Slack delivers it. */
function submit(userId: string, view: Record<string, unknown>, selectedDate: string | null) {
  return running.interaction({
    type: 'view_submission',
    api_app_id: 'A0CORRIDOR',
    token: 'legacy-verification-token',
    team: { id: 'T0CORRIDOR', domain: 'corridor' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: 'T0CORRIDOR' },
    trigger_id: '1000000000003.1000000000004.0123456789abcdef0123456789abcdef',
    view: {
      ...view,
      id: 'V0000000001',
      team_id: 'T0CORRIDOR',
      app_id: 'A0CORRIDOR',
      hash: '1700000000.00000001',
      state: { values: { signed_on: { date: { type: 'datepicker', selected_date: selectedDate } } } },
    },
    response_urls: [],
    is_enterprise_install: false,
  });
}

/** Puts a partner back as it was, for the tests after this one. */
function restoring(partner: Partner | undefined) {
  return async () => {
    await running.store.partners.save(draftOf(partner!), { actor: 'U0TEST' });
  };
}

async function openedModal(): Promise<Record<string, unknown>> {
  await vi.waitFor(() => expect(running.slack.callsTo('views.open')).toHaveLength(1));
  return running.slack.callsTo('views.open')[0]!.args.view as Record<string, unknown>;
}

async function ephemeralAnswer(): Promise<{ text: string; response_type: string; replace_original: boolean; blocks: unknown }> {
  await vi.waitFor(() => expect(running.slack.callsTo('response_url')).toHaveLength(1));
  return running.slack.callsTo('response_url')[0]!.args as never;
}

describe('Mark as signed', () => {
  it('from an admin: asks for the date, then moves the partner to signatories (visible in /corridor partners)', async () => {
    const response = await click(ADMIN_ID, ACTION_IDS.reminderMarkSigned, 'venture-lab');
    expect(response.status).toBe(200);
    const view = await openedModal();
    expect(viewViolations(view)).toEqual([]);
    expect(view).toMatchObject({ callback_id: 'mark_signed', title: { text: 'Mark as signed' } });
    expect(JSON.stringify(view.blocks)).toContain(`"initial_date":"${localIsoDate(new Date(), TORONTO)}"`);

    const submitted = await submit(ADMIN_ID, view, '2025-05-01');
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe(''); // the form closes
    expect(await running.store.partners.get('venture-lab')).toMatchObject({
      status: 'signatory',
      joinedOn: '2025-05-01',
      pendingSince: null,
      updatedBy: ADMIN_ID,
    });
    // Confirmed through the click's response_url (ephemeral; it reaches the clicker wherever they are).
    expect((await ephemeralAnswer()).text).toBe('*Venture Lab* is now a signatory (signed on May 1, 2025).');
    expect(running.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    // The reminder that carried the button, updated in place: signed, by whom, without its buttons.
    await vi.waitFor(() => expect(running.slack.callsTo('chat.update')).toHaveLength(1));
    const update = running.slack.callsTo('chat.update')[0]!.args as { channel: string; ts: string; blocks: KnownBlock[] };
    expect(update).toMatchObject({ channel: 'C0CORRIDOR', ts: reminder.ts });
    expect(blockKitViolations(update.blocks, 'message')).toEqual([]);
    const shown = JSON.stringify(update.blocks);
    expect(shown).toContain(`*Venture Lab* signed the MOU on May 1, 2025 (marked by <@${ADMIN_ID}>).`);
    expect(shown).toContain('*Venture Lab* a signé le protocole d’entente le 1er mai 2025');
    expect(shown).not.toContain(keyedActionId(ACTION_IDS.reminderMarkSigned, 'venture-lab'));
    expect(shown).toContain(keyedActionId(ACTION_IDS.reminderMarkSigned, 'cmc-microsystems'));
    const thread = await poster.conversations.replies({ channel: 'C0CORRIDOR', ts: reminder.ts });
    expect(JSON.stringify(thread.messages?.at(-1)?.blocks)).toContain('signed the MOU');

    const partners = await running.command('partners', { user_id: ADMIN_ID });
    const listed = JSON.stringify((partners.json as { blocks: unknown }).blocks);
    expect(listed).toContain('MOU signatories* (10)');
    expect(listed).toContain('Pending adhesions* (2)');
    expect(listed.indexOf('Venture Lab')).toBeLessThan(listed.indexOf('Pending adhesions'));
  });

  it('from anyone else: changes nothing and answers with a polite ephemeral refusal naming who can help', async () => {
    const before = await running.store.partners.get('cmc-microsystems');
    const response = await click(GUEST_ID, ACTION_IDS.reminderMarkSigned, 'cmc-microsystems');
    expect(response.status).toBe(200);
    const answer = await ephemeralAnswer();
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer.text).toBe(`Désolé, seuls les coordonnateurs du corridor peuvent modifier ses dossiers. <@${ADMIN_ID}> peut vous aider.`);
    expect(blockKitViolations(answer.blocks, 'message')).toEqual([]);
    expect(running.slack.callsTo('views.open')).toHaveLength(0);
    expect(await running.store.partners.get('cmc-microsystems')).toEqual(before);
  });

  it('refuses a submission from a non-admin even with a valid form', async () => {
    await click(ADMIN_ID, ACTION_IDS.reminderMarkSigned, 'cmc-microsystems');
    const view = await openedModal();
    const response = await submit(GUEST_ID, view, '2025-05-01');
    // In the form's language (the admin opened it in English), like every form's answers.
    expect(response.json).toMatchObject({ response_action: 'errors', errors: { signed_on: expect.stringContaining('Sorry, only the corridor’s coordinators') } });
    expect(await running.store.partners.get('cmc-microsystems')).toMatchObject({ status: 'pending' });
  });

  it('keeps the form open with an error for a date in the future or before the adhesion was pending', async () => {
    await click(ADMIN_ID, ACTION_IDS.reminderMarkSigned, 'cmc-microsystems');
    const view = await openedModal();
    const future = await submit(ADMIN_ID, view, '2099-01-01');
    expect(future.json).toEqual({ response_action: 'errors', errors: { signed_on: 'The signing date can’t be in the future.' } });
    const early = await submit(ADMIN_ID, view, '2024-01-01');
    expect(early.json).toEqual({
      response_action: 'errors',
      errors: { signed_on: 'The adhesion was only pending from April 16, 2025; choose that day or later.' },
    });
    const empty = await submit(ADMIN_ID, view, null);
    expect(empty.json).toEqual({ response_action: 'errors', errors: { signed_on: 'Choose the signing date.' } });
    expect(await running.store.partners.get('cmc-microsystems')).toMatchObject({ status: 'pending' });
  });

  it('shows a change made while the form was open as a conflict, like the other forms, and overwrites nothing', async () => {
    onTestFinished(restoring(await running.store.partners.get('new-hampshire-bea')));
    await click(ADMIN_ID, ACTION_IDS.reminderMarkSigned, 'new-hampshire-bea');
    const view = await openedModal();
    const current = (await running.store.partners.get('new-hampshire-bea'))!;
    await running.store.partners.save({ ...draftOf(current), followUpUserId: 'U0OTHER' }, { actor: 'U0OTHER' });
    const response = await submit(ADMIN_ID, view, '2025-05-01');
    expect(response.status).toBe(200);
    const answer = response.json as { response_action: string; view: Record<string, unknown> };
    expect(answer).toMatchObject({ response_action: 'update', view: { callback_id: 'conflict_modal', title: { text: 'Changed meanwhile' } } });
    expect(viewViolations(answer.view)).toEqual([]);
    const shown = JSON.stringify(answer.view.blocks);
    expect(shown).toContain('was changed by <@U0OTHER> meanwhile, so your changes were not saved.');
    expect(await running.store.partners.get('new-hampshire-bea')).toMatchObject({ status: 'pending', version: current.version + 1 });

    // "Edit again": the form on the current version, which then saves and confirms in the reminder's channel.
    const again = await submit(ADMIN_ID, answer.view, null);
    const reopened = (again.json as { response_action: string; view: Record<string, unknown> }).view;
    expect(again.json).toMatchObject({ response_action: 'update', view: { callback_id: 'mark_signed' } });
    const saved = await submit(ADMIN_ID, reopened, '2025-05-01');
    expect(saved.text).toBe('');
    expect(await running.store.partners.get('new-hampshire-bea')).toMatchObject({ status: 'signatory', joinedOn: '2025-05-01', followUpUserId: 'U0OTHER' });
    expect((await ephemeralAnswer()).text).toContain('is now a signatory');
    await vi.waitFor(() => expect(running.slack.callsTo('chat.update')).toHaveLength(1));
  });

  it('offers nothing to mark when "Edit again" finds the partner signed meanwhile', async () => {
    onTestFinished(restoring(await running.store.partners.get('cmc-microsystems')));
    await click(ADMIN_ID, ACTION_IDS.reminderMarkSigned, 'cmc-microsystems');
    const view = await openedModal();
    const current = (await running.store.partners.get('cmc-microsystems'))!;
    await running.store.partners.save({ ...draftOf(current), followUpUserId: 'U0OTHER' }, { actor: 'U0OTHER' });
    const conflict = (await submit(ADMIN_ID, view, '2025-05-01')).json as { view: Record<string, unknown> };
    const changed = (await running.store.partners.get('cmc-microsystems'))!;
    await running.store.partners.save({ ...draftOf(changed), status: 'signatory', joinedOn: '2025-05-02', pendingSince: null }, { actor: 'U0OTHER' });
    const again = await submit(ADMIN_ID, conflict.view, null);
    expect(again.json).toMatchObject({ response_action: 'update', view: { callback_id: 'notice_modal' } });
    expect(JSON.stringify((again.json as { view: { blocks: unknown } }).view.blocks)).toContain('CMC Microsystems is not pending any more');
  });

  it('answers in the language the form was written in', async () => {
    await click(ADMIN_ID, ACTION_IDS.reminderMarkSigned, 'cmc-microsystems');
    const view = await openedModal();
    const metadata = JSON.parse(view.private_metadata as string) as Record<string, unknown>;
    expect(metadata).toMatchObject({ id: 'cmc-microsystems', lang: 'en', channelId: 'C0CORRIDOR' });
    const french = { ...view, private_metadata: JSON.stringify({ ...metadata, lang: 'fr' }) };
    const response = await submit(ADMIN_ID, french, '2099-01-01');
    expect(response.json).toEqual({ response_action: 'errors', errors: { signed_on: expect.stringMatching(/^La date de signature/) } });
  });
});

describe('Mark as signed, seen from the Home tab', () => {
  it('republishes the Home tab of a recent visitor once the partner is signed', async () => {
    expect((await running.event(appHomeOpened(GUEST_ID))).status).toBe(200);
    await running.corridor.idle();
    const homes = () => running.slack.callsTo('views.publish').filter((call) => call.args.user_id === GUEST_ID);
    expect(homes()).toHaveLength(1);
    const pendingBefore = (await running.store.partners.list()).filter((partner) => partner.status === 'pending').length;
    expect(JSON.stringify(homes()[0]!.args.view)).toContain(`Adhésions en attente* (${pendingBefore})`);

    await click(ADMIN_ID, ACTION_IDS.reminderMarkSigned, 'new-hampshire-bea');
    const submitted = await submit(ADMIN_ID, await openedModal(), '2025-05-01');
    expect(submitted.text).toBe('');
    await running.corridor.idle();
    expect(await running.store.partners.get('new-hampshire-bea')).toMatchObject({ status: 'signatory' });
    expect(homes()).toHaveLength(2);
    expect(JSON.stringify(homes()[1]!.args.view)).toContain(`Adhésions en attente* (${pendingBefore - 1})`);
  });
});

describe('Snooze 1 week', () => {
  it('refuses, politely and changing nothing, a member who is neither coordinator nor follow-up owner', async () => {
    const response = await click(GUEST_ID, ACTION_IDS.reminderSnooze, 'cmc-microsystems');
    expect(response.status).toBe(200);
    const answer = await ephemeralAnswer();
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer.text).toBe(
      'Désolé, seuls les coordonnateurs du corridor et le responsable du suivi de *CMC Microsystems* peuvent reporter ses rappels. Rien n’a été modifié.',
    );
    expect(await running.store.snoozes.active(localIsoDate(new Date(), TORONTO))).toEqual([]);
    const next = await composeReminder({ store: running.store, config: running.config, logger: console }, new Date(), 'internal');
    expect(next?.text ?? '').toContain('CMC Microsystems');
  });

  it('lets the follow-up owner snooze for a week, and /corridor pending shows until when and by whom', async () => {
    const partner = (await running.store.partners.get('cmc-microsystems'))!;
    onTestFinished(restoring(partner));
    await running.store.partners.save({ ...draftOf(partner), followUpUserId: OWNER_ID }, { actor: ADMIN_ID });
    await click(OWNER_ID, ACTION_IDS.reminderSnooze, 'cmc-microsystems');
    expect((await ephemeralAnswer()).text).toMatch(/^Reminders about \*CMC Microsystems\* are snoozed until /);
    const today = localIsoDate(new Date(), TORONTO);
    expect(await running.store.snoozes.active(today)).toEqual([expect.objectContaining({ partnerId: 'cmc-microsystems', snoozedBy: OWNER_ID })]);
    const next = await composeReminder({ store: running.store, config: running.config, logger: console }, new Date(), 'internal');
    expect(next?.text ?? '').not.toContain('CMC Microsystems');
    const pending = await running.command('pending', { user_id: ADMIN_ID });
    expect(JSON.stringify((pending.json as { blocks: unknown }).blocks)).toMatch(new RegExp(`Snoozed until [A-Z][a-z]+ \\d+, \\d{4}, by <@${OWNER_ID}>`));
  });
});

describe('/corridor digest', () => {
  it('shows this week’s digest to the caller only, in the caller’s language', async () => {
    const response = await running.command('digest', { user_id: GUEST_ID });
    const reply = response.json as { response_type: string; text: string; blocks: KnownBlock[] };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toMatch(/^Résumé du corridor — semaine du /);
    expect(blockKitViolations(reply.blocks, 'message')).toEqual([]);
    expect(running.slack.callsTo('chat.postMessage')).toHaveLength(0);
    const english = (await running.command('digest --en', { user_id: GUEST_ID })).json as { text: string };
    expect(english.text).toMatch(/^Corridor digest — week of /);
  });
});
