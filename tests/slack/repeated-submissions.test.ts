import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/domain/dates.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { viewSubmission, type Typed } from '../support/slack-interactions.js';

// Slack may deliver a view_submission twice. The same signed submission sent twice creates one
// record and one history entry, and both deliveries get the same answer.

type Json = Record<string, unknown>;
const EPOCH = new Date(0);

let running: RunningCorridorApp;

beforeEach(async () => {
  running = await startCorridorApp();
  running.slack.setUser({ id: ADMIN_ID, locale: 'en-US', real_name: 'Ada Admin' });
});

afterEach(async () => {
  await running.close();
});

async function openModal(text: string): Promise<Json> {
  await running.command(text, { user_id: ADMIN_ID });
  await running.corridor.idle();
  return running.slack.callsTo('views.open').at(-1)!.args.view as Json;
}

/** One view_submission payload, signed and posted as Slack does, `times` times in a row. */
async function deliver(view: Json, typed: Typed, times: number): Promise<Json[]> {
  const payload = viewSubmission(ADMIN_ID, view, typed, 'V0REPEAT001');
  const answers: Json[] = [];
  for (let i = 0; i < times; i++) answers.push((await running.interaction(payload)).json as Json);
  await running.corridor.idle();
  return answers;
}

const created = async (entity: string) =>
  (await running.store.changesSince(EPOCH)).filter((entry) => entry.entity === entity && entry.change === 'created' && entry.actor === ADMIN_ID);

const today = () => localIsoDate(new Date(), running.config.CORRIDOR_TZ);

describe('the same form delivered twice', () => {
  it('adds one event (and its new speakers once), answering both deliveries alike', async () => {
    const view = await openModal('event add');
    const typed = { title_en: 'Corridor Forum', date: '2027-03-10', place: 'Burlington, Vermont', speakers: 'Jane Roe — Keynote' };
    const [first, second] = await deliver(view, typed, 2);
    expect(first).toMatchObject({ response_action: 'update' });
    expect(second).toEqual(first);
    expect((await running.store.events.list()).filter((event) => event.title.en === 'Corridor Forum')).toHaveLength(1);
    expect(await created('event')).toHaveLength(1);
    expect((await created('person')).map((entry) => entry.entityId)).toEqual(['jane-roe']);
  });

  it('adds one action item', async () => {
    const view = await openModal('action add');
    const [first, second] = await deliver(view, { title_en: 'Draft the joint roadmap' }, 2);
    expect(second).toEqual(first);
    expect((await running.store.actions.list()).filter((item) => item.title.en === 'Draft the joint roadmap')).toHaveLength(1);
    expect(await created('action')).toHaveLength(1);
  });

  it('adds one partner, the second delivery not refused as a duplicate name of the first', async () => {
    const view = await openModal('partner add');
    const [first, second] = await deliver(view, { name: 'Nova Semi', status: 'pending', status_date: today() }, 2);
    expect(JSON.stringify(first)).toContain('*Nova Semi* was added');
    expect(second).toEqual(first);
    expect(await created('partner')).toHaveLength(1);
  });

  it('adds one record (and one new speaker) when both deliveries arrive together', async () => {
    const view = await openModal('event add');
    const typed = { title_en: 'Venue visit', date: '2027-04-02', place: 'Sherbrooke', speakers: 'John Poe — Guide' };
    const payload = viewSubmission(ADMIN_ID, view, typed, 'V0REPEAT002');
    const answers = await Promise.all([running.interaction(payload), running.interaction(payload)]);
    await running.corridor.idle();
    // Both see the item saved: the second is not told it was changed meanwhile.
    expect(answers.map((answer) => ((answer.json as { view?: Json }).view ?? {}).callback_id)).toEqual(['saved_modal', 'saved_modal']);
    expect(await created('event')).toHaveLength(1);
    expect((await created('person')).map((entry) => entry.entityId)).toEqual(['john-poe']);
  });

  it('still adds a second record from a second form with the same values', async () => {
    const view = await openModal('action add');
    await deliver(view, { title_en: 'Call the ministry' }, 1);
    const payload = viewSubmission(ADMIN_ID, view, { title_en: 'Call the ministry' }, 'V0OTHER0001');
    expect(((await running.interaction(payload)).json as Json).response_action).toBe('update');
    expect((await created('action')).map((entry) => entry.entityId)).toEqual(['call-the-ministry', 'call-the-ministry-2']);
  });
});

describe('a name with an invisible character, through the real form', () => {
  it('is refused under the field in the form’s language, and saves nothing', async () => {
    const before = (await running.store.changesSince(EPOCH)).length;
    const english = await deliver(await openModal('partner add'), { name: 'C\u200B2MI', status: 'pending', status_date: today() }, 1);
    expect(english[0]).toEqual({
      response_action: 'errors',
      errors: { name: 'Please remove the invisible or text-direction characters (often pasted along with the text).' },
    });
    const french = await deliver(await openModal('partner add --fr'), { name: 'Nova\u202ESemi', status: 'pending', status_date: today() }, 1);
    expect(french[0]).toEqual({
      response_action: 'errors',
      errors: { name: 'Veuillez retirer les caractères invisibles ou de sens d’écriture (souvent collés avec le texte).' },
    });
    expect(await running.store.changesSince(EPOCH)).toHaveLength(before);
  });
});
