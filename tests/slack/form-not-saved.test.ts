import { afterEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/domain/dates.js';
import { ACTION_IDS, CALLBACK_IDS, keyedActionId } from '../../src/slack/interaction-ids.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { viewViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { expectFormKept } from '../support/not-saved-form.js';
import { buttonClick, viewSubmission, type Json, type Typed } from '../support/slack-interactions.js';
import { tempStores } from '../support/temp-stores.js';

// Every form whose save fails for no field's fault — here the database gone between opening and
// submitting — answers the same way, through the one failure path of the submissions router: the
// form drawn again with "Not saved" at its top, in the form's language, and every input holding
// what was typed. No field error: none of the fields is wrong.

const sqlite = tempStores('form-not-saved');
const postgres = tempStores('form-not-saved-pg', 'postgres');
let running: RunningCorridorApp | undefined;

afterEach(async () => {
  await running?.close().catch(() => undefined);
  running = undefined;
});

const NOTICE = {
  en: 'Not saved: the database refused this or could not be reached. Everything you typed is still here',
  fr: 'Non enregistré\u00a0: la base de données l’a refusé ou ne répond pas. Tout ce que vous avez saisi est encore là',
};

const today = () => localIsoDate(new Date(), 'America/Toronto');

interface FormCase {
  callbackId: string;
  /** Opens the form as a coordinator does. */
  open: (app: RunningCorridorApp) => Promise<void>;
  typed: () => Typed;
}

const FORMS: Record<string, FormCase> = {
  partner: {
    callbackId: CALLBACK_IDS.partner,
    open: (app) => command(app, 'partner add'),
    typed: () => ({ name: 'Nova Semi', status: 'pending', status_date: today() }),
  },
  person: {
    callbackId: CALLBACK_IDS.person,
    open: (app) => command(app, 'person add'),
    typed: () => ({ name: 'Jean-François Cœurderoy', email: 'jf@example.org', title_fr: 'Directeur' }),
  },
  event: {
    callbackId: CALLBACK_IDS.event,
    open: (app) => command(app, 'event add'),
    typed: () => ({ title_en: 'Corridor forum', title_fr: 'Forum du corridor', date: '2031-05-06', time: '09:30', place: 'Sherbrooke' }),
  },
  'action item': {
    callbackId: CALLBACK_IDS.action,
    open: (app) => command(app, 'action add'),
    typed: () => ({ title_fr: 'Préparer la mission', due: '2031-03-14', status: 'in_progress', partners: ['cmc-microsystems'], owner: ADMIN_ID }),
  },
  'about card': {
    callbackId: CALLBACK_IDS.about,
    open: (app) => command(app, 'about edit'),
    typed: () => ({ purpose_en: 'Keep the corridor moving', purpose_fr: 'Faire avancer le corridor' }),
  },
  'contact log': {
    callbackId: CALLBACK_IDS.contact,
    open: (app) => app.interaction(buttonClick(ADMIN_ID, ACTION_IDS.logContact, 'cmc-microsystems')).then(() => undefined),
    typed: () => ({ contact_text: 'Meeting in Bromont', contact_kind: 'meeting', contact_on: today(), contact_next: '2099-01-15' }),
  },
  'mark as signed': {
    callbackId: CALLBACK_IDS.markSigned,
    open: (app) =>
      app
        .interaction(buttonClick(ADMIN_ID, keyedActionId(ACTION_IDS.reminderMarkSigned, 'cmc-microsystems'), 'cmc-microsystems', { responseUrl: app.slack.responseUrl }))
        .then(() => undefined),
    typed: () => ({ signed_on: today() }),
  },
};

async function command(app: RunningCorridorApp, text: string): Promise<void> {
  expect((await app.command(text, { user_id: ADMIN_ID, channel_id: 'C0CORRIDOR' })).status).toBe(200);
}

async function start(store: CorridorStore, lang: 'en' | 'fr'): Promise<RunningCorridorApp> {
  running = await startCorridorApp({}, store);
  running.slack.setUser({ id: ADMIN_ID, locale: lang === 'fr' ? 'fr-CA' : 'en-US', real_name: 'Ada Admin' });
  return running;
}

async function openedForm(app: RunningCorridorApp, form: FormCase): Promise<Json> {
  await form.open(app);
  await app.corridor.idle();
  const view = app.slack.callsTo('views.open').at(-1)!.args.view as Json;
  expect(view.callback_id).toBe(form.callbackId);
  expect(viewViolations(view)).toEqual([]);
  return view;
}

async function submit(app: RunningCorridorApp, view: Json, typed: Typed): Promise<Json> {
  const response = await app.interaction(viewSubmission(ADMIN_ID, view, typed));
  expect(response.status).toBe(200);
  return response.json as Json;
}

describe.each([
  ['SQLite', 'en', () => sqlite.open()],
  ['PostgreSQL', 'fr', () => postgres.open()],
] as const)('a form submitted once the %s database is gone (form in %s)', (_kind, lang, open) => {
  it.each(Object.keys(FORMS))('the %s form is drawn again with the notice at its top and what was typed', async (name) => {
    const form = FORMS[name]!;
    const store = await open();
    const app = await start(store, lang);
    const view = await openedForm(app, form);
    await store.close();
    const typed = form.typed();
    const answer = await submit(app, view, typed);
    expectFormKept(answer, view, typed, NOTICE[lang]);
    expect(JSON.stringify(answer)).not.toContain(NOTICE[lang === 'en' ? 'fr' : 'en'].slice(0, 12));
  });
});

describe('a form without inputs', () => {
  it('answers the conflict notice’s “Edit again” with a notice in its place', async () => {
    const store = await sqlite.open();
    const app = await start(store, 'en');
    const view = await openedForm(app, { ...FORMS.partner!, open: (opening) => command(opening, 'partner edit venture lab') });
    const shown = (await store.partners.get('venture-lab'))!;
    await store.partners.save({ ...shown, website: 'https://example.org/meanwhile' }, { actor: 'U0BOB', expectedVersion: shown.version });
    const conflict = await submit(app, view, { name: 'Venture Lab renamed' });
    expect(conflict).toMatchObject({ response_action: 'update', view: { callback_id: CALLBACK_IDS.conflict } });
    await store.close();
    const answer = await submit(app, (conflict as { view: Json }).view, {});
    expect(answer).toMatchObject({ response_action: 'update', view: { title: { text: 'Not saved' } } });
    expect(JSON.stringify(answer)).toContain(NOTICE.en);
    expect(viewViolations((answer as { view: Json }).view)).toEqual([]);
  });
});
