import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/interaction-ids.js';
import { sqlitePathFromUrl } from '../../src/store/open-store.js';
import { renderBlocksAsText } from '../../src/slack/views/render-text.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { expectFormKept } from '../support/not-saved-form.js';
import { buttonClick, viewSubmission, type Typed } from '../support/slack-interactions.js';
import { tempStores } from '../support/temp-stores.js';

// Tried as a coordinator would: names in French with œ, in Danish, Polish or Chinese are saved and
// found again however they are typed; a save that fails for any reason other than a busy database
// (the database gone, a row it refuses) draws the form again with what was typed kept and a notice
// at its top, never pinned on a field that is not at fault, and never closes it as if saved.

type Json = Record<string, unknown>;

const sqlite = tempStores('every-name');
const postgres = tempStores('every-name-pg', 'postgres');
let running: RunningCorridorApp | undefined;

afterEach(async () => {
  await running?.close().catch(() => undefined);
  running = undefined;
});

async function start(store?: CorridorStore): Promise<RunningCorridorApp> {
  running = await startCorridorApp({}, store);
  running.slack.setUser({ id: ADMIN_ID, locale: 'en-US', real_name: 'Ada Admin' });
  return running;
}

async function openModal(app: RunningCorridorApp, text: string): Promise<Json> {
  await app.command(text, { user_id: ADMIN_ID });
  await app.corridor.idle();
  return app.slack.callsTo('views.open').at(-1)!.args.view as Json;
}

async function submit(app: RunningCorridorApp, view: Json, typed: Typed, viewId?: string): Promise<Json> {
  const response = await app.interaction(viewSubmission(ADMIN_ID, view, typed, viewId));
  expect(response.status).toBe(200);
  await app.corridor.idle();
  return response.json as Json;
}

async function ask(app: RunningCorridorApp, text: string): Promise<string> {
  const reply = (await app.command(text, { user_id: ADMIN_ID })).json as { text: string; blocks?: never[] };
  return `${reply.text}\n${renderBlocksAsText(reply.blocks ?? [])}`;
}

const TITLE = 'Organiser une mission de recrutement de main-d’œuvre';

describe('every name can be saved and found', () => {
  it('saves an action item titled only in French with œ and the person Cœurderoy, and finds both however typed', async () => {
    const app = await start(await sqlite.open());
    expect(await submit(app, await openModal(app, 'action add'), { title_fr: TITLE })).toMatchObject({ response_action: 'update' });
    expect(await submit(app, await openModal(app, 'person add'), { name: 'Jean-François Cœurderoy' })).toMatchObject({ response_action: 'update' });

    const item = (await app.store.actions.list()).find((candidate) => candidate.title.fr === TITLE);
    expect(item?.id).toBe('organiser-une-mission-de-recrutement-de-main-d-oeuvre');
    expect((await app.store.people.list()).find((person) => person.name === 'Jean-François Cœurderoy')?.id).toBe('jean-francois-coeurderoy');

    expect(await ask(app, 'action œuvre')).toContain(TITLE);
    expect(await ask(app, 'action oeuvre')).toContain(TITLE);
    expect(await ask(app, 'person coeurderoy')).toContain('Jean-François Cœurderoy');
    expect(await ask(app, 'person Cœurderoy')).toContain('Jean-François Cœurderoy');
  });

  it('finds the release’s fourth track by main-d’oeuvre typed without the ligature', async () => {
    const app = await start(await sqlite.open());
    const track = (await app.store.listTracks()).find((candidate) => /main-d.œuvre/.test(candidate.title.fr));
    expect(track).toBeDefined();
    expect(await ask(app, "actions main-d'oeuvre")).toContain(track!.title.en);
  });

  it.each([
    ['Søren Kierkegaard', 'soren-kierkegaard'],
    ['Łukasz Nowak', 'lukasz-nowak'],
    ['Heinz Straße', 'heinz-strasse'],
    ['李明', 'liming'],
  ])('saves %s as %s', async (name, id) => {
    const app = await start(await sqlite.open());
    expect(await submit(app, await openModal(app, 'person add'), { name })).toMatchObject({ response_action: 'update' });
    expect((await app.store.people.get(id))?.name).toBe(name);
    expect(await ask(app, `person ${name}`)).toContain(name);
  });
});

describe('names that are no name, and look-alikes', () => {
  it.each([
    ['Braille blanks', '\u2800\u2800\u2800', 'blank and invisible characters alone'],
    ['combining marks alone', '\u0301\u0308\u0327', 'blank and invisible characters alone'],
    ['a line break', 'Ada\nLovelace', 'on one line'],
  ])('refuses a name made of %s with a field error, saving nothing', async (_what, name, said) => {
    const app = await start(await sqlite.open());
    const before = (await app.store.people.list()).length;
    const answer = await submit(app, await openModal(app, 'person add'), { name });
    expect(answer).toEqual({ response_action: 'errors', errors: { name: expect.stringContaining(said) } });
    expect((await app.store.people.list()).length).toBe(before);
  });

  it.each([
    ['fullwidth', 'Ｊｅａｎ－Ｆｒａｎçｏｉｓ Ｃœｕｒｄｅｒｏｙ'],
    ['Cyrillic look-alike', 'Jеаn-François Cœurdеrоy'],
  ])('takes a %s spelling of an existing name as that name', async (_what, lookAlike) => {
    const app = await start(await sqlite.open());
    await submit(app, await openModal(app, 'person add'), { name: 'Jean-François Cœurderoy' });
    // Another form than the first (a form delivered again would be answered as the first save).
    const answer = await submit(app, await openModal(app, 'person add'), { name: lookAlike }, 'V0MODAL0002');
    expect(answer).toEqual({ response_action: 'errors', errors: { name: 'Someone on record already has this name.' } });
  });
});

describe('a save that fails answers in the form', () => {
  const NOT_SAVED = 'Not saved: the database refused this or could not be reached.';

  it.each([
    ['SQLite', () => sqlite.open()],
    ['PostgreSQL', () => postgres.open()],
  ])('keeps the form open with the values typed when the %s database is gone', async (_kind, open) => {
    const store = await open();
    const app = await start(store);
    const view = await openModal(app, 'person add');
    await store.close();
    const typed = { name: 'Jean-François Cœurderoy', email: 'jf@example.org' };
    const answer = await submit(app, view, typed);
    expectFormKept(answer, view, typed, NOT_SAVED);
  });

  it('keeps the form open, and writes nothing, when the database’s schema refuses the row', async () => {
    const url = await sqlite.databaseUrl();
    const app = await start(await sqlite.open(url));
    // Another program (a DBA's constraint, a newer schema) refuses every new person, as SQLite's own CHECK would.
    const other = new Database(sqlitePathFromUrl(url));
    other.exec("CREATE TRIGGER refuse_people BEFORE INSERT ON people BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: people'); END;");
    other.close();
    const changes = (await app.store.changesSince(new Date(0))).length;
    const view = await openModal(app, 'person add');
    const typed = { name: 'Søren Kierkegaard', title_en: 'Philosopher' };
    const redrawn = expectFormKept(await submit(app, view, typed), view, typed, NOT_SAVED);
    expect(await app.store.people.get('soren-kierkegaard')).toBeUndefined();
    expect((await app.store.changesSince(new Date(0))).length).toBe(changes);

    // Once the database takes the row again, the form drawn again is submitted as it stands and saved.
    const fixed = new Database(sqlitePathFromUrl(url));
    fixed.exec('DROP TRIGGER refuse_people');
    fixed.close();
    expect(await submit(app, redrawn, {})).toMatchObject({ response_action: 'update', view: { callback_id: 'saved_modal' } });
    expect(await app.store.people.get('soren-kierkegaard')).toMatchObject({ name: 'Søren Kierkegaard', title: { en: 'Philosopher' } });
  });

  it('answers a NUL character, which PostgreSQL cannot store, under its field', async () => {
    const app = await start(await postgres.open());
    const before = (await app.store.people.list()).length;
    const answer = await submit(app, await openModal(app, 'person add'), { name: 'Jean-François Cœurderoy', title_en: 'Chair\u0000man' });
    expect(answer).toMatchObject({ response_action: 'errors', errors: { title_en: expect.stringContaining('control characters') } });
    expect((await app.store.people.list()).length).toBe(before);
  });

  it('answers a NUL character in a contact log under what was said, in French, saving nothing', async () => {
    const app = await start(await postgres.open());
    app.slack.setUser({ id: ADMIN_ID, locale: 'fr-CA', real_name: 'Ada Admin' });
    await app.interaction(buttonClick(ADMIN_ID, ACTION_IDS.logContact, 'cmc-microsystems'));
    await app.corridor.idle();
    const view = app.slack.callsTo('views.open').at(-1)!.args.view as Json;
    const answer = await submit(app, view, { contact_text: 'Appel\u0000 avec CMC' });
    expect(answer).toEqual({ response_action: 'errors', errors: { contact_text: 'Veuillez retirer les caractères de contrôle (souvent collés avec le texte).' } });
    expect(await app.store.contacts.list()).toEqual([]);
  });

  it.each([
    ['SQLite', () => sqlite.open()],
    ['PostgreSQL', () => postgres.open()],
  ])('answers in French in a French form on %s, keeping the text, menus and date chosen', async (_kind, open) => {
    const store = await open();
    const app = await start(store);
    app.slack.setUser({ id: ADMIN_ID, locale: 'fr-CA', real_name: 'Ada Admin' });
    const view = await openModal(app, 'action add');
    await store.close();
    const typed = { title_fr: TITLE, due: '2031-03-14', status: 'in_progress', partners: ['cmc-microsystems'], owner: ADMIN_ID };
    const answer = await submit(app, view, typed);
    expectFormKept(answer, view, typed, 'Non enregistré\u00a0: la base de données l’a refusé ou ne répond pas.');
    expect(JSON.stringify(answer)).not.toContain('Not saved');
  });
});
