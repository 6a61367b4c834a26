import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/domain/dates.js';
import { draftOf } from '../../src/domain/draft.js';
import { formatDate, formatTime } from '../../src/i18n/format.js';
import { viewViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { partnerRecord } from '../support/records.js';
import { appHomeOpened, buttonClick, menuSearch, modalChoice, viewSubmission, type Typed } from '../support/slack-interactions.js';

// The "manage the corridor from Slack" flows through the real Bolt receiver: signed slash commands,
// view_submission and block_actions in; what Slack receives out (the HTTP ack body and the Web API
// calls recorded by the emulator); and what the store keeps.

type Json = Record<string, unknown>;
interface AckBody {
  response_action?: string;
  errors?: Record<string, string>;
  view?: Json & { blocks: Json[]; private_metadata: string; callback_id: string };
}

const ALICE = 'U0ALICE';
const OUTSIDER = 'U0OUTSIDER';
const BOB = 'U0BOB';
const EPOCH = new Date(0);

let running: RunningCorridorApp;

beforeEach(async () => {
  running = await startCorridorApp({ CORRIDOR_ADMINS: `${ADMIN_ID},${BOB}` });
  running.slack.setUser({ id: ADMIN_ID, locale: 'en-US', real_name: 'Ada Admin' });
  running.slack.setUser({ id: ALICE, locale: 'en-US', real_name: 'Alice' });
});

afterEach(async () => {
  await running.close();
});

function today(): string {
  return localIsoDate(new Date(), running.config.CORRIDOR_TZ);
}

function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Runs a slash command that should open a modal; returns the modal as Slack received it. */
async function openModal(text: string, userId = ADMIN_ID): Promise<Json> {
  const before = running.slack.callsTo('views.open').length;
  const response = await running.command(text, { user_id: userId });
  expect(response.status).toBe(200);
  // An empty acknowledgement: the answer is the modal, opened once the command is acknowledged.
  expect(response.text).toBe('');
  await running.corridor.idle();
  const calls = running.slack.callsTo('views.open');
  expect(calls).toHaveLength(before + 1);
  expect(calls.at(-1)!.args.trigger_id).toBeTruthy();
  const view = calls.at(-1)!.args.view as Json;
  expect(viewViolations(view)).toEqual([]);
  return view;
}

async function submit(userId: string, view: Json, typed: Typed = {}): Promise<AckBody> {
  const response = await running.interaction(viewSubmission(userId, view, typed));
  expect(response.status).toBe(200);
  await running.corridor.idle();
  const body = (response.json ?? {}) as AckBody;
  if (body.view) expect(viewViolations(body.view)).toEqual([]);
  return body;
}

async function click(userId: string, actionId: string, value: string, inMessage = true): Promise<void> {
  const response = await running.interaction(buttonClick(userId, actionId, value, inMessage ? { responseUrl: running.slack.responseUrl } : {}));
  expect(response.status).toBe(200);
  await running.corridor.idle();
}

async function ask(text: string, userId = ADMIN_ID): Promise<{ text: string; all: string }> {
  const response = await running.command(text, { user_id: userId });
  expect(response.status).toBe(200);
  const reply = response.json as { text: string; blocks: unknown[] };
  return { text: reply.text, all: JSON.stringify(reply.blocks) };
}

async function openHome(userId: string): Promise<Json & { blocks: Json[] }> {
  const response = await running.event(appHomeOpened(userId));
  expect(response.status).toBe(200);
  await running.corridor.idle();
  return lastHome(userId);
}

function lastHome(userId: string): Json & { blocks: Json[] } {
  const published = running.slack.callsTo('views.publish').filter((call) => call.args.user_id === userId);
  expect(published.length).toBeGreaterThan(0);
  const view = published.at(-1)!.args.view as Json & { blocks: Json[] };
  expect(viewViolations(view)).toEqual([]);
  return view;
}

/** Every mrkdwn text in a surface: where Slack would turn `<!channel>` into a ping. */
function mrkdwnTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(mrkdwnTexts);
  if (!node || typeof node !== 'object') return [];
  const object = node as Json;
  const own = object.type === 'mrkdwn' && typeof object.text === 'string' ? [object.text] : [];
  return [...own, ...Object.values(object).flatMap(mrkdwnTexts)];
}

const changeCount = async () => (await running.store.changesSince(EPOCH)).length;

describe('an admin adds an event through the modal', () => {
  it('saves it, answers in the modal, and lists it in `events upcoming` at its time in CORRIDOR_TZ', async () => {
    const view = await openModal('event add');
    expect(view.callback_id).toBe('event_modal');
    expect(JSON.stringify(view)).toContain('"timezone":"America/Toronto"');

    const date = daysAfter(today(), 20);
    const ack = await submit(ADMIN_ID, view, {
      title_en: 'Corridor Forum',
      title_fr: 'Forum du corridor',
      date,
      time: '18:30',
      place: 'Burlington, Vermont',
      organisers: ['technum-quebec', 'university-of-vermont'],
      speakers: 'Peter Welch — Keynote\nJane Roe — Panel',
    });
    expect(ack.response_action).toBe('update');
    expect(JSON.stringify(ack.view)).toContain('*Corridor Forum* was added for');

    const saved = (await running.store.events.list()).find((event) => event.title.en === 'Corridor Forum');
    expect(saved).toMatchObject({ date, startTime: '18:30', status: 'scheduled', updatedBy: ADMIN_ID, organiserIds: ['technum-quebec', 'university-of-vermont'] });
    expect(await running.store.people.get('jane-roe')).toMatchObject({ name: 'Jane Roe' });

    const upcoming = await ask('events upcoming');
    expect(upcoming.all).toContain('Corridor Forum');
    expect(upcoming.all).toContain(`${formatDate(date, 'en', { weekday: true })}, ${formatTime('18:30', 'en')}`);
    expect(upcoming.all).toContain('Burlington, Vermont');
  });

  it('shows field errors inline and saves nothing when the form is incomplete', async () => {
    const view = await openModal('event add');
    const before = await changeCount();
    const ack = await submit(ADMIN_ID, view, { place: '', date: null, time: '25:99', title_en: 'x'.repeat(151) });
    expect(ack.response_action).toBe('errors');
    expect(Object.keys(ack.errors ?? {}).sort()).toEqual(['date', 'place', 'time', 'title_en']);
    expect(ack.errors?.title_en).toBe('Please keep this under 150 characters.');
    expect(await changeCount()).toBe(before);
  });

  it('words the errors in the language the modal was opened in', async () => {
    running.slack.setUser({ id: BOB, locale: 'fr-CA', real_name: 'Bob' });
    const view = await openModal('partner add', BOB);
    expect(JSON.stringify(view)).toContain('Nouveau partenaire');
    const ack = await submit(BOB, view, { name: 'C2MI', status: 'pending', status_date: null, website: 'pas une adresse' });
    expect(ack.errors).toEqual({
      name: 'Un partenaire porte déjà ce nom.',
      status_date: 'Veuillez remplir ce champ.',
      website: 'Veuillez donner une adresse Web commençant par https:// (ou http://).',
    });
  });
});

describe('editing through the modals', () => {
  it('edits and cancels an event from `event edit`, keeping it on record', async () => {
    const view = await openModal('event edit 2025-04-16');
    expect(JSON.stringify(view)).toContain('"initial_value":"Université de Sherbrooke"');
    const ack = await submit(ADMIN_ID, view, { place: 'Sherbrooke', status: 'cancelled' });
    expect(JSON.stringify(ack.view)).toContain('was updated');
    const id = 'first-official-meeting-2025-04-16';
    expect(await running.store.events.get(id)).toMatchObject({ place: 'Sherbrooke', status: 'cancelled', removedAt: null });
    expect((await running.store.history('event', id)).at(-1)?.diff).toEqual({
      place: { from: 'Université de Sherbrooke', to: 'Sherbrooke' },
      status: { from: 'scheduled', to: 'cancelled' },
    });
  });

  it('redraws the partner form with views.update when the adhesion status is switched', async () => {
    const view = await openModal('partner edit venture lab');
    const blockIds = (v: Json) => (v.blocks as Json[]).map((block) => block.block_id);
    expect(blockIds(view)).toContain('next_step_en');
    // Bob edits the partner while the form is open: the redrawn form must still be based on version 1.
    const shown = (await running.store.partners.get('venture-lab'))!;
    await running.store.partners.save({ ...shown, acronym: 'VL' }, { actor: BOB });

    // The emulator numbers views and hashes from 1: this is the modal opened above.
    const opened = { viewId: 'V0000000001', hash: '1700000000.00000001' };
    const response = await running.interaction(modalChoice(ADMIN_ID, view, 'status', 'signatory', opened));
    expect(response.status).toBe(200);
    await running.corridor.idle();
    const [update] = running.slack.callsTo('views.update');
    expect(update?.args).toMatchObject({ view_id: opened.viewId, hash: opened.hash });
    const redrawn = update!.args.view as Json;
    expect(viewViolations(redrawn)).toEqual([]);
    expect(blockIds(redrawn)).not.toContain('next_step_en');
    expect(JSON.stringify(redrawn)).toContain('"text":"Signed on"');
    expect(redrawn.private_metadata).toBe(view.private_metadata);

    const ack = await submit(ADMIN_ID, redrawn, { status: 'signatory', status_date: '2026-01-20' });
    expect(ack.view?.callback_id).toBe('conflict_modal');
    expect((await running.store.partners.get('venture-lab'))?.status).toBe('pending');
  });

  it('says nothing changed when the form is saved as it was', async () => {
    const view = await openModal('partner edit c2mi');
    const before = await changeCount();
    const ack = await submit(ADMIN_ID, view);
    expect(JSON.stringify(ack.view)).toContain('Nothing changed');
    expect(await changeCount()).toBe(before);
  });

  it('escapes names typed in the modal wherever they are echoed', async () => {
    const view = await openModal('partner add');
    const ack = await submit(ADMIN_ID, view, { name: '<!channel> & <@U0BOSS>', status: 'pending', status_date: today() });
    const history = await running.command('history channel', { user_id: ALICE });
    // Slack reads mentions in mrkdwn only (plain_text, as in headers, is shown as typed).
    const echoed = [ack.view, history.json, lastHome(ADMIN_ID)].map((surface) => mrkdwnTexts(surface).join('\n'));
    for (const text of echoed) {
      expect(text).toContain('&lt;!channel&gt; &amp; &lt;@U0BOSS&gt;');
      expect(text).not.toMatch(/<!channel>|<@U0BOSS>/);
    }
  });
});

describe('verbs read as people type them', () => {
  it('shows a coordinator the New Hampshire department for `partner new hampshire`, opening no form', async () => {
    const reply = await ask('partner new hampshire');
    expect(reply.all).toContain('Department of Business and Economic Affairs – State of New Hampshire');
    const member = await ask('partner new hampshire', ALICE);
    expect(member.all).toContain('Department of Business and Economic Affairs – State of New Hampshire');
    expect(member.text).not.toContain('only the corridor’s coordinators');
    const existing = await ask('partner add uvm');
    expect(existing.all).toContain('University of Vermont');
    await running.corridor.idle();
    expect(running.slack.callsTo('views.open')).toEqual([]);
  });

  it('opens the partner form for `partner new` and `partner add`, alone or with a new name', async () => {
    for (const text of ['partner new', 'partner add', 'partenaire nouveau']) expect((await openModal(text)).callback_id).toBe('partner_modal');
    const named = await openModal('partner add Nova Semi');
    expect(JSON.stringify(named)).toContain('"initial_value":"Nova Semi"');
  });

  it('keeps usual short names typed in the form, finds the partner by them, and refuses another partner’s name', async () => {
    const edit = await openModal('partner edit uvm');
    expect(JSON.stringify(edit)).toContain('"initial_value":"UVM"');
    const clash = await submit(ADMIN_ID, edit, { aliases: 'UVM, ACCD' });
    expect(clash).toMatchObject({ response_action: 'errors', errors: { aliases: 'A partner already has this name.' } });

    const add = await openModal('partner add Nova Semiconductor Initiative');
    await submit(ADMIN_ID, add, { aliases: 'NSI; Nova Semi, NSI', status: 'pending', status_date: today() });
    expect((await running.store.partners.get('nova-semiconductor-initiative'))?.aliases).toEqual(['NSI', 'Nova Semi']);
    expect((await ask('partner nsi', ALICE)).all).toContain('Nova Semiconductor Initiative');
  });
});

describe('who may change what', () => {
  it('refuses a non-admin politely, naming who can help, and opens no modal', async () => {
    for (const text of ['event add', 'partner add', 'partner edit c2mi', 'event edit 2025-04-16', 'action add']) {
      const reply = await ask(text, ALICE);
      expect(reply.text).toContain('only the corridor’s coordinators can change its records');
      expect(reply.text).toContain(`<@${ADMIN_ID}>`);
    }
    expect(running.slack.callsTo('views.open')).toEqual([]);
  });

  it('refuses a non-admin’s submission and changes nothing', async () => {
    const view = await openModal('event add');
    const before = await changeCount();
    const events = (await running.store.events.list()).length;
    const ack = await submit(ALICE, view, { title_en: 'Sneaky meeting', date: daysAfter(today(), 3), place: 'Nowhere' });
    expect(ack.response_action).toBe('update');
    expect(JSON.stringify(ack.view)).toContain('only the corridor’s coordinators');
    expect((await running.store.events.list()).length).toBe(events);
    expect(await changeCount()).toBe(before);
  });

  it('refuses a non-admin’s Remove and Cancel clicks with an ephemeral reply', async () => {
    await click(ALICE, 'partner_remove', 'c2mi@1');
    await click(ALICE, 'event_cancel', 'first-official-meeting-2025-04-16@1');
    const replies = running.slack.callsTo('response_url');
    expect(replies).toHaveLength(2);
    for (const reply of replies) expect(reply.args).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining(`<@${ADMIN_ID}>`) });
    expect((await running.store.partners.get('c2mi'))?.removedAt).toBeNull();
    expect((await running.store.events.get('first-official-meeting-2025-04-16'))?.status).toBe('scheduled');
  });

  it('lets an action item’s owner mark it done, without admin rights, but nobody else', async () => {
    const item = (await running.store.actions.get('announce-new-adhesions'))!;
    await running.store.actions.save({ ...item, ownerUserId: ALICE }, { actor: ADMIN_ID });
    running.slack.setUser({ id: 'U0CAROL', locale: 'en-US' });

    await click('U0CAROL', 'action_done:announce-new-adhesions', 'announce-new-adhesions', false);
    expect((await running.store.actions.get('announce-new-adhesions'))?.status).toBe('open');
    // From the Home tab there is no message to answer: the refusal comes as a small modal.
    expect(JSON.stringify(running.slack.callsTo('views.open').at(-1)?.args.view)).toContain('only the corridor’s coordinators');

    await click(ALICE, 'action_done:announce-new-adhesions', 'announce-new-adhesions', false);
    expect(await running.store.actions.get('announce-new-adhesions')).toMatchObject({ status: 'done', completedOn: today(), updatedBy: ALICE });
  });

  it('offers the owner a status-only form from `action edit`', async () => {
    const item = (await running.store.actions.get('announce-new-adhesions'))!;
    await running.store.actions.save({ ...item, ownerUserId: ALICE }, { actor: ADMIN_ID });
    const view = await openModal('action edit announce', ALICE);
    expect(view.callback_id).toBe('action_status_modal');
    const ack = await submit(ALICE, view, { status: 'in_progress' });
    expect(ack.response_action).toBe('update');
    expect(await running.store.actions.get('announce-new-adhesions')).toMatchObject({ status: 'in_progress', ownerUserId: ALICE, dueOn: null });
  });
});

describe('concurrent edits', () => {
  it('refuses a modal submitted over a record changed meanwhile, showing who and the current values', async () => {
    const view = await openModal('partner edit venture lab');
    const shown = (await running.store.partners.get('venture-lab'))!;
    // Bob changes the partner while the modal is open.
    await running.store.partners.save(
      { ...shown, nextStep: { fr: 'Signer en mai', en: 'Sign in May' } },
      { actor: BOB, expectedVersion: shown.version },
    );

    const ack = await submit(ADMIN_ID, view, { website: 'https://venturelab.example' });
    expect(ack.response_action).toBe('update');
    expect(ack.view?.callback_id).toBe('conflict_modal');
    const text = JSON.stringify(ack.view);
    expect(text).toContain(`changed by <@${BOB}> meanwhile`);
    expect(text).toContain('Sign in May');
    expect(text).toContain('https://venturelab.example');
    const current = (await running.store.partners.get('venture-lab'))!;
    expect(current).toMatchObject({ version: shown.version + 1, website: null, updatedBy: BOB });

    // "Edit again" reopens the form on the current version, which then saves.
    const again = await submit(ADMIN_ID, ack.view!);
    expect(again.view?.callback_id).toBe('partner_modal');
    expect(JSON.stringify(again.view)).toContain('Sign in May');
    const saved = await submit(ADMIN_ID, again.view!, { website: 'https://venturelab.example' });
    expect(JSON.stringify(saved.view)).toContain('was updated');
    expect(await running.store.partners.get('venture-lab')).toMatchObject({ website: 'https://venturelab.example', nextStep: { en: 'Sign in May' } });
  });

  it('refuses a Remove click on a card older than the record', async () => {
    const c2mi = (await running.store.partners.get('c2mi'))!;
    await running.store.partners.save({ ...c2mi, website: 'https://c2mi.example' }, { actor: BOB });
    await click(ADMIN_ID, 'partner_remove', `c2mi@${c2mi.version}`);
    expect(running.slack.callsTo('response_url').at(-1)?.args.text).toContain(`changed by <@${BOB}> meanwhile`);
    expect((await running.store.partners.get('c2mi'))?.removedAt).toBeNull();
  });
});

describe('history', () => {
  it('records adding, editing, the adhesion and removal of a partner, and `history` shows them', async () => {
    const add = await openModal('partner add Nova Semi');
    expect(JSON.stringify(add)).toContain('"initial_value":"Nova Semi"');
    await submit(ADMIN_ID, add, { status: 'pending', status_date: '2025-05-01', next_step_en: 'Board vote' });

    const edit = await openModal('partner edit nova semi');
    await submit(ADMIN_ID, edit, { status: 'signatory', status_date: '2025-09-15' });

    const card = await running.command('partner nova semi', { user_id: ADMIN_ID });
    const buttons = JSON.stringify(card.json);
    expect(buttons).toContain('partner_edit');
    const ref = /"action_id":"partner_remove","value":"([^"]+)"/.exec(buttons)?.[1];
    expect(ref).toBe('nova-semi@2');
    await click(ADMIN_ID, 'partner_remove', ref!);
    expect(running.slack.callsTo('response_url').at(-1)?.args.text).toContain('*Nova Semi* was marked removed');

    // Removed, not deleted: kept with its history.
    const removed = await running.store.partners.get('nova-semi');
    expect(removed?.removedAt).not.toBeNull();
    expect((await running.store.partners.list()).map((partner) => partner.id)).not.toContain('nova-semi');
    const entries = await running.store.history('partner', 'nova-semi');
    expect(entries.map((entry) => [entry.change, entry.actor])).toEqual([
      ['created', ADMIN_ID],
      ['updated', ADMIN_ID],
      ['removed', ADMIN_ID],
    ]);
    expect(entries[1]!.diff).toMatchObject({
      status: { from: 'pending', to: 'signatory' },
      joinedOn: { from: null, to: '2025-09-15' },
      pendingSince: { from: '2025-05-01', to: null },
      nextStep: { from: { en: 'Board vote' }, to: null },
    });

    const history = await ask('history nova semi', ALICE);
    expect(history.all).toContain('History — Nova Semi');
    expect(history.all).toContain(`<@${ADMIN_ID}> removed`);
    expect(history.all).toContain('Status: Pending adhesion → Signatory');
    expect(history.all).toContain('Signed on: — → September 15, 2025');
  });

  it('records an event added then cancelled (kept, marked cancelled)', async () => {
    const view = await openModal('event add');
    await submit(ADMIN_ID, view, { title_en: 'Supplier day', date: daysAfter(today(), 10), place: 'Bromont' });
    const id = (await running.store.events.list()).find((event) => event.title.en === 'Supplier day')!.id;

    const card = JSON.stringify((await running.command('event supplier day', { user_id: ADMIN_ID })).json);
    const ref = /"action_id":"event_cancel","value":"([^"]+)"/.exec(card)?.[1];
    await click(ADMIN_ID, 'event_cancel', ref!);

    expect(await running.store.events.get(id)).toMatchObject({ status: 'cancelled', removedAt: null });
    const entries = await running.store.history('event', id);
    expect(entries.map((entry) => entry.change)).toEqual(['created', 'updated']);
    expect(entries[1]!.diff).toEqual({ status: { from: 'scheduled', to: 'cancelled' } });
    expect((await ask('events upcoming')).all).toContain('~');
  });

  it('records an action item added, assigned and re-dated, then completed by its owner', async () => {
    const add = await openModal('action add');
    await submit(ADMIN_ID, add, { title_en: 'Map suppliers', title_fr: 'Cartographier les fournisseurs', track: 'value-chains', partners: ['iseq'] });
    const id = (await running.store.actions.list()).find((item) => item.title.en === 'Map suppliers')!.id;

    const edit = await openModal('action edit map suppliers');
    expect(edit.callback_id).toBe('action_modal');
    await submit(ADMIN_ID, edit, { owner: ALICE, due: '2026-12-01' });
    await click(ALICE, `action_done:${id}`, id, false);

    const entries = await running.store.history('action', id);
    expect(entries.map((entry) => [entry.change, entry.actor])).toEqual([
      ['created', ADMIN_ID],
      ['updated', ADMIN_ID],
      ['updated', ALICE],
    ]);
    expect(entries[1]!.diff).toEqual({ ownerUserId: { from: null, to: ALICE }, dueOn: { from: null, to: '2026-12-01' } });
    expect(entries[2]!.diff).toMatchObject({ status: { from: 'open', to: 'done' }, completedOn: { from: null, to: today() } });
  });
});

describe('App Home tab', () => {
  it('publishes the overview with pending adhesions and the viewer’s own items on app_home_opened', async () => {
    const item = (await running.store.actions.get('announce-new-adhesions'))!;
    await running.store.actions.save({ ...item, ownerUserId: ALICE }, { actor: ADMIN_ID });

    const home = await openHome(ALICE);
    expect(home.type).toBe('home');
    const text = JSON.stringify(home.blocks);
    expect(text).toContain('Pending adhesions* (3)');
    for (const name of ['Venture Lab', 'CMC Microsystems', 'New Hampshire']) expect(text).toContain(name);
    expect(text).toContain('Announce the adhesion of new strategic partners');
    expect(text).toContain('"action_id":"action_done:announce-new-adhesions"');
    expect(text).not.toContain('home_add_partner');

    // Done from the Home tab: the item is completed and the tab republished without it.
    await click(ALICE, 'action_done:announce-new-adhesions', 'announce-new-adhesions', false);
    const after = JSON.stringify(lastHome(ALICE).blocks);
    expect(after).not.toContain('action_done:announce-new-adhesions');
    expect(after).toContain('No open action item is assigned to you.');
  });

  it('ignores the Messages tab and gives coordinators their Add buttons', async () => {
    const response = await running.event(appHomeOpened(ALICE, 'messages'));
    expect(response.status).toBe(200);
    await running.corridor.idle();
    expect(running.slack.callsTo('views.publish')).toEqual([]);

    const home = await openHome(ADMIN_ID);
    expect(JSON.stringify(home.blocks)).toContain('home_add_event');
    await click(ADMIN_ID, 'home_add_event', 'add', false);
    expect(running.slack.callsTo('views.open').at(-1)?.args.view).toMatchObject({ callback_id: 'event_modal' });
  });

  it('is refreshed for a visitor after a change', async () => {
    await openHome(ALICE);
    const view = await openModal('partner add');
    await submit(ADMIN_ID, view, { name: 'Quantum Bridge', status: 'pending', status_date: today() });
    expect(JSON.stringify(lastHome(ALICE).blocks)).toContain('Quantum Bridge');
    expect(JSON.stringify(lastHome(ADMIN_ID).blocks)).toContain('Quantum Bridge');
  });
});

describe('with 500 partners in the store', () => {
  beforeEach(async () => {
    for (let i = 0; i < 500; i++) {
      await running.store.partners.save(
        draftOf(
          partnerRecord(`partner-${i}`, {
            name: `Partner ${i} of the northeast corridor`,
            status: i % 2 ? 'signatory' : 'pending',
            pendingSince: i % 2 ? null : '2025-06-01',
            nextStep: null,
          }),
        ),
        { actor: ADMIN_ID },
      );
    }
  });

  it('publishes a Home tab under 100 blocks that still has the pending adhesions and the viewer’s items', async () => {
    const item = (await running.store.actions.get('announce-new-adhesions'))!;
    await running.store.actions.save({ ...item, ownerUserId: ADMIN_ID }, { actor: ADMIN_ID });
    const home = await openHome(ADMIN_ID);
    expect(home.blocks.length).toBeLessThan(100);
    const text = JSON.stringify(home.blocks);
    expect(text).toContain('Pending adhesions* (253)');
    expect(text).toContain('Venture Lab');
    expect(text).toContain('action_done:announce-new-adhesions');
  });

  it('searches partners as the user types once a static menu cannot hold them', async () => {
    const view = await openModal('event add');
    const picker = (view.blocks as Json[]).find((block) => block.block_id === 'organisers') as { element: { type: string; action_id: string } };
    expect(picker.element.type).toBe('multi_external_select');
    const response = await running.interaction(menuSearch(ADMIN_ID, picker.element.action_id, 'organisers', 'partner 49'));
    const options = (response.json as { options: { value: string }[] }).options;
    expect(options.map((option) => option.value).sort()).toEqual(['partner-49', ...Array.from({ length: 10 }, (_, i) => `partner-49${i}`)].sort());
    const byShortName = await running.interaction(menuSearch(ADMIN_ID, picker.element.action_id, 'organisers', 'uvm'));
    expect((byShortName.json as { options: { value: string }[] }).options.map((option) => option.value)).toEqual(['university-of-vermont']);

    const ack = await submit(ADMIN_ID, view, { title_en: 'Big meetup', date: daysAfter(today(), 5), place: 'Montréal', organisers: ['partner-49'] });
    expect(ack.response_action).toBe('update');
    expect((await running.store.events.list()).find((event) => event.title.en === 'Big meetup')?.organiserIds).toEqual(['partner-49']);
  });
});

describe('people: coordinators add and edit them through the person form', () => {
  it('adds a person who belongs to a partner, findable by `people`, recorded in the history', async () => {
    const view = await openModal('person add Jeanne Tremblay');
    expect(view.callback_id).toBe('person_modal');
    expect(JSON.stringify(view)).toContain('Jeanne Tremblay');
    const before = await changeCount();
    const ack = await submit(ADMIN_ID, view, {
      name: 'Jeanne Tremblay',
      title_en: 'Director of partnerships',
      partner: 'c2mi',
      email: 'jeanne.tremblay@c2mi.example',
    });
    expect(ack.response_action).toBe('update');
    expect(JSON.stringify(ack.view)).toContain('*Jeanne Tremblay* was added to the people on record.');

    const saved = await running.store.people.get('jeanne-tremblay');
    expect(saved).toMatchObject({
      name: 'Jeanne Tremblay',
      title: { en: 'Director of partnerships', fr: 'Director of partnerships' },
      partnerId: 'c2mi',
      email: 'jeanne.tremblay@c2mi.example',
      updatedBy: ADMIN_ID,
    });
    expect(await changeCount()).toBe(before + 1);
    expect(await running.store.history('person', 'jeanne-tremblay')).toEqual([
      expect.objectContaining({ actor: ADMIN_ID, change: 'created', diff: expect.objectContaining({ partnerId: { from: null, to: 'c2mi' } }) }),
    ]);

    // Anyone finds her, accents and case forgiven; the e-mail is internal: another organisation never reads it.
    running.slack.setUser({ id: OUTSIDER, locale: 'en-US', team_id: 'T0ELSEWHERE' });
    const found = await ask('people TREMBLÀY', OUTSIDER);
    expect(found.all).toContain('Jeanne Tremblay');
    expect(found.all).toContain('Director of partnerships, C2MI');
    const publicCard = await ask('person jeanne', OUTSIDER);
    expect(publicCard.all).toContain('C2MI');
    expect(publicCard.all).not.toContain('jeanne.tremblay@c2mi.example');
    const memberCard = await ask('person jeanne', ALICE);
    expect(memberCard.all).toContain('jeanne.tremblay@c2mi.example');
    expect(memberCard.all).not.toContain('person_edit');
    const adminCard = await ask('person jeanne');
    expect(adminCard.all).toContain('jeanne.tremblay@c2mi.example');
    // The release's press contact too: named to everyone, her address inside the organisation only.
    expect((await ask('about', OUTSIDER)).all).toContain('Press contact: Stéphanie Latour');
    expect((await ask('about', OUTSIDER)).all).not.toContain('technumquebec.ca');
    expect((await ask('about', ALICE)).all).toContain('stephanie.latour@technumquebec.ca');

    // The card's Edit button opens the form on the current version.
    const ref = /"action_id":"person_edit","value":"([^"]+)"/.exec(adminCard.all)?.[1];
    expect(ref).toBe('jeanne-tremblay@1');
    await click(ADMIN_ID, 'person_edit', ref!);
    const edit = running.slack.callsTo('views.open').at(-1)!.args.view as Json;
    expect(edit.callback_id).toBe('person_modal');
    expect(JSON.parse(edit.private_metadata as string)).toMatchObject({ id: 'jeanne-tremblay', version: 1 });
    expect((await ask('partner c2mi', ALICE)).all).toContain('Jeanne Tremblay, Director of partnerships');
  });

  it('opens the form in French from `personne ajouter` and words field errors there', async () => {
    const view = await openModal('personne ajouter');
    expect(JSON.stringify(view)).toContain('Nouvelle personne');
    const ack = await submit(ADMIN_ID, view, { name: 'peter welch', email: 'not an address' });
    expect(ack.response_action).toBe('errors');
    expect(ack.errors).toEqual({
      name: 'Une personne inscrite porte déjà ce nom.',
      email: 'Veuillez donner une adresse courriel comme nom@exemple.org.',
    });
    expect((await running.store.people.list()).filter((person) => person.name.toLowerCase() === 'peter welch')).toHaveLength(1);
  });

  it('refuses a non-admin: no form opens, and a submitted form changes nothing', async () => {
    for (const text of ['people add', 'person add', 'person edit welch']) {
      expect((await ask(text, ALICE)).text).toContain('only the corridor’s coordinators can change its records');
    }
    // A French command name answers in French.
    expect((await ask('personne ajouter', ALICE)).text).toContain('seuls les coordonnateurs du corridor peuvent modifier ses dossiers');
    expect(running.slack.callsTo('views.open')).toEqual([]);

    const view = await openModal('person add');
    const before = await changeCount();
    const ack = await submit(ALICE, view, { name: 'Sneaky Person' });
    expect(JSON.stringify(ack.view)).toContain('only the corridor’s coordinators');
    expect(await changeCount()).toBe(before);
    expect((await ask('people sneaky')).text).toContain('No one on record matches “sneaky”');
  });

  it('refuses an edit over a person changed meanwhile, then saves on Edit again', async () => {
    const view = await openModal('person edit welch');
    expect(JSON.stringify(view)).toContain('Senator (Vermont)');
    const shown = (await running.store.people.get('peter-welch'))!;
    await running.store.people.save({ ...draftOf(shown), affiliation: { fr: 'Sénat des États-Unis', en: 'United States Senate' } }, { actor: BOB, expectedVersion: shown.version });

    const ack = await submit(ADMIN_ID, view, { email: 'office@welch.example' });
    expect(ack.view?.callback_id).toBe('conflict_modal');
    expect(JSON.stringify(ack.view)).toContain(`changed by <@${BOB}> meanwhile`);
    expect(JSON.stringify(ack.view)).toContain('United States Senate');
    expect((await running.store.people.get('peter-welch'))!.email).toBeNull();

    const again = await submit(ADMIN_ID, ack.view!);
    expect(again.view?.callback_id).toBe('person_modal');
    const saved = await submit(ADMIN_ID, again.view!, { email: 'office@welch.example' });
    expect(JSON.stringify(saved.view)).toContain('*Peter Welch* was updated.');
    expect(await running.store.people.get('peter-welch')).toMatchObject({ email: 'office@welch.example', affiliation: { en: 'United States Senate' }, version: shown.version + 2 });
    expect((await running.store.history('person', 'peter-welch')).map((entry) => entry.actor)).toEqual([expect.stringMatching(/^seed:/), BOB, ADMIN_ID]);
  });
});
