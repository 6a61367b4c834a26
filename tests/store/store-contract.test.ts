// The behaviour every store must have, run against SQLite and PostgreSQL alike so the two
// cannot drift. Facts about one database only live in sqlite-store.test.ts and postgres-store.test.ts.
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { contactsOf } from '../../src/domain/contact-log.js';
import { draftOf } from '../../src/domain/draft.js';
import { VersionConflictError } from '../../src/store/corridor-store.js';
import { sqlitePathFromUrl } from '../../src/store/open-store.js';
import { ABOUT_ID } from '../../src/domain/types.js';
import type { CorridorStore } from '../../src/store/corridor-store.js';
import type { PostgresCorridorStore } from '../../src/store/postgres/postgres-corridor-store.js';
import { postgresMigrations } from '../../src/store/postgres/pg-migrate.js';
import { addAboutRecord } from '../../src/store/seed/about-record.js';
import { SEED_ACTOR } from '../../src/store/seed/seed-plan.js';
import { loadMigrations } from '../../src/store/sqlite/migrate.js';
import type { SqliteCorridorStore } from '../../src/store/sqlite/sqlite-corridor-store.js';
import { addUsualShortNames, SHORT_NAMES_ACTOR } from '../../src/store/seed/usual-short-names.js';
import { addSourcedFacts, FIELD_SOURCES_ACTOR } from '../../src/store/seed/field-sources.js';
import type { NotionLink } from '../../src/store/notion-links.js';
import { raceWorkers } from '../support/race.js';
import { eventRecord, partnerRecord } from '../support/records.js';
import { tempStores, type StoreKind } from '../support/temp-stores.js';

const T0 = new Date('2026-11-26T15:00:00Z');
const LEASE = 15 * 60_000;
const claimOptions = (owner: string, now = T0) => ({ owner, now, leaseMs: LEASE });
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each<StoreKind>(['sqlite', 'postgres'])('%s store', (kind) => {
  const { open, databaseUrl } = tempStores('contract', kind);

  describe('records created from a form', () => {
    it('creates one record per form however often it is saved, even under another ID', async () => {
      const store = await open();
      const draft = draftOf(partnerRecord('nova-semi', { name: 'Nova Semi' }));
      const write = { actor: 'U0ADMIN', expectedVersion: 0, formId: 'V0FORM0001' };
      const first = await store.partners.save(draft, write);
      // A second delivery parsed after the first saved picks the next free ID: it still finds the first.
      expect(await store.partners.save({ ...draft, id: 'nova-semi-2' }, write)).toEqual(first);
      expect(await store.partners.save(draft, write)).toEqual(first);
      expect(await store.partners.get('nova-semi-2')).toBeUndefined();
      expect((await store.history('partner', 'nova-semi')).map((entry) => entry.change)).toEqual(['created']);
      expect(await store.partners.createdByForm('V0FORM0001')).toEqual(first);
      expect(await store.partners.createdByForm('V0FORM0002')).toBeUndefined();
      expect(await store.actions.createdByForm('V0FORM0001')).toBeUndefined();
      // Another form with the same values is another record.
      expect(await store.partners.save({ ...draft, id: 'nova-semi-2' }, { ...write, formId: 'V0FORM0002' })).toMatchObject({ id: 'nova-semi-2' });
    });

    it('creates one record when two deliveries of a form are saved at the same moment', async () => {
      const store = await open();
      const draft = draftOf(partnerRecord('nova-semi', { name: 'Nova Semi' }));
      const write = { actor: 'U0ADMIN', formId: 'V0FORM0003' };
      const [a, b] = await Promise.all([store.partners.save(draft, write), store.partners.save({ ...draft, id: 'nova-semi-2' }, write)]);
      expect(a).toEqual(b);
      expect((await store.partners.list()).filter((partner) => partner.name === 'Nova Semi')).toHaveLength(1);
    });
  });

  describe('seed from the 17 April 2025 release', () => {
    it('holds 9 signatories and 3 pending adhesions', async () => {
      const partners = await (await open()).partners.list();
      expect(partners.filter((p) => p.status === 'signatory')).toHaveLength(9);
      expect(partners.filter((p) => p.status === 'pending').map((p) => p.name)).toEqual([
        'Venture Lab',
        'CMC Microsystems',
        'Department of Business and Economic Affairs – State of New Hampshire',
      ]);
    });

    it('carries no doubled name from the release text', async () => {
      const partners = await (await open()).partners.list();
      for (const partner of partners) expect(partner.name).not.toMatch(/(State of New Hampshire).*\1/);
    });

    it('leaves what the release does not say empty', async () => {
      const partners = await (await open()).partners.list();
      expect(partners.every((p) => p.website === null)).toBe(true);
      expect(partners.find((p) => p.id === 'c2mi')).toMatchObject({ kind: null, joinedOn: null });
      expect(partners.find((p) => p.id === 'venture-lab')).toMatchObject({ kind: null, jurisdiction: null });
      // Its stage is the release's own words ("dans le but d'adhérer prochainement"), and says so.
      expect(partners.find((p) => p.id === 'venture-lab')!.sources!.map((s) => s.field)).toEqual(['stage']);
      expect(partners.filter((p) => p.status === 'pending').every((p) => p.pendingSince === '2025-04-16')).toBe(true);
    });

    it('gives where a value comes from when the release does not state it', async () => {
      const partners = await (await open()).partners.list();
      const sourced = partners.filter((p) => p.sources?.length);
      expect(sourced.map((p) => [p.id, p.jurisdiction, p.sources!.map((s) => s.field)]).sort()).toEqual([
        ['c2mi', 'QC', ['jurisdiction']],
        ['cmc-microsystems', null, ['stage']],
        ['distriq', 'QC', ['jurisdiction']],
        ['new-hampshire-bea', 'NH', ['stage']],
        ['universite-de-sherbrooke', 'QC', ['jurisdiction']],
        ['venture-lab', null, ['stage']],
      ]);
      expect(sourced.find((p) => p.id === 'venture-lab')!.sources![0]!.source.fr).toContain('« dans le but d’adhérer prochainement à l’initiative »');
      expect(sourced.find((p) => p.id === 'c2mi')!.sources![0]!.source.en).toMatch(/^public knowledge \(C2MI is in Bromont, Québec\)/);
    });

    it('records the meeting, the people and the four tracks', async () => {
      const store = await open();
      const [event] = await store.events.list();
      expect(event).toMatchObject({ date: '2025-04-16', place: 'Université de Sherbrooke', organiserIds: ['technum-quebec', 'amcham-quebec'] });
      expect(event!.speakers.map((s) => s.personId)).toEqual(['peter-welch']);
      expect(event!.attendingPartnerIds).toHaveLength(12);
      expect((await store.people.list()).map((p) => p.name)).toEqual(
        expect.arrayContaining(['Peter Welch', 'René Sylvestre', 'Manon Duclos', 'Michel Belval', 'Stéphanie Latour']),
      );
      expect((await store.listTracks()).map((track) => track.position)).toEqual([1, 2, 3, 4]);
      expect((await store.about.get(ABOUT_ID))!.figures.map((f) => f.value.fr)).toEqual(['plus de 900', '90\u00a0%', '75\u00a0%', 'plus de 50']);
    });

    it('seeds once: a reopened store keeps later edits and removals', async () => {
      const url = await databaseUrl();
      const first = await open(url);
      const c2mi = (await first.partners.get('c2mi'))!;
      await first.partners.save({ ...draftOf(c2mi), website: 'https://example.org/' }, { actor: 'U0ADMIN' });
      await first.partners.remove('venture-lab', { actor: 'U0ADMIN' });
      await first.close();

      const second = await open(url);
      expect((await second.partners.get('c2mi'))!.website).toBe('https://example.org/');
      expect((await second.partners.list()).map((p) => p.id)).not.toContain('venture-lab');
      expect((await second.partners.list({ includeRemoved: true })).map((p) => p.id)).toContain('venture-lab');
    });

    it('gives the partners of a database seeded before short names existed theirs, once, sparing edited records', async () => {
      const url = await databaseUrl();
      const old = await open(url);
      // As an older seed left them: no short names, last written by the seed; UdeS edited since by a coordinator.
      for (const id of ['university-of-vermont', 'vermont-accd']) {
        const partner = (await old.partners.get(id))!;
        await old.partners.save({ ...draftOf(partner), aliases: [] }, { actor: SEED_ACTOR });
      }
      const udes = (await old.partners.get('universite-de-sherbrooke'))!;
      await old.partners.save({ ...draftOf(udes), aliases: [] }, { actor: 'U0ADMIN' });
      await old.close();

      const reopened = await open(url);
      expect((await reopened.partners.get('university-of-vermont'))!.aliases).toEqual(['UVM']);
      expect((await reopened.partners.get('vermont-accd'))!.aliases).toEqual(['ACCD']);
      expect((await reopened.partners.get('universite-de-sherbrooke'))!.aliases).toEqual([]);
      const history = await reopened.history('partner', 'university-of-vermont');
      expect(history.at(-1)).toMatchObject({ actor: SHORT_NAMES_ACTOR, diff: { aliases: { from: [], to: ['UVM'] } } });
      expect(await addUsualShortNames(reopened)).toBe(0);
      expect(await reopened.history('partner', 'university-of-vermont')).toHaveLength(history.length);
    });

    it('gives the partners of a database seeded before sourced facts their jurisdiction and its source, once, sparing edited records', async () => {
      const url = await databaseUrl();
      const old = await open(url);
      // As an older seed left them: no jurisdiction nor source; Distriq edited since by a coordinator.
      for (const [id, actor] of [['c2mi', SEED_ACTOR], ['universite-de-sherbrooke', SHORT_NAMES_ACTOR], ['distriq', 'U0ADMIN']] as const) {
        const { sources: _sources, ...older } = draftOf((await old.partners.get(id))!);
        await old.partners.save({ ...older, jurisdiction: null }, { actor });
      }
      await old.close();

      const reopened = await open(url);
      expect(await reopened.partners.get('c2mi')).toMatchObject({ jurisdiction: 'QC', sources: [{ field: 'jurisdiction' }], updatedBy: FIELD_SOURCES_ACTOR });
      expect(await reopened.partners.get('universite-de-sherbrooke')).toMatchObject({ jurisdiction: 'QC', sources: [{ field: 'jurisdiction' }] });
      expect(await reopened.partners.get('distriq')).toMatchObject({ jurisdiction: null, updatedBy: 'U0ADMIN' });
      expect((await reopened.history('partner', 'c2mi')).at(-1)).toMatchObject({ actor: FIELD_SOURCES_ACTOR, diff: { jurisdiction: { from: null, to: 'QC' } } });
      expect(await addSourcedFacts(reopened)).toBe(0);
    });

    it('lets two stores open one new database at once without double seeding', async () => {
      const url = await databaseUrl();
      const [a, b] = await Promise.all([open(url), open(url)]);
      expect(await a.partners.list()).toHaveLength(12);
      expect(await b.partners.list()).toHaveLength(12);
      const created = (await a.changesSince(new Date(0))).filter((h) => h.change === 'created');
      expect(new Set(created.map((h) => `${h.entity}:${h.entityId}`)).size).toBe(created.length);
      expect(await b.changesSince(new Date(0))).toHaveLength(created.length);
    });
  });

  describe('events as invitations', () => {
    const MEETING = 'first-official-meeting-2025-04-16';

    /** Rewrites a stored event's body as an older version of the app wrote it, without the invitation's fields. */
    async function writeOlderBody(url: string, id: string): Promise<void> {
      const older = (body: Record<string, unknown>) => {
        const { endTime: _end, onlineUrl: _url, invitedPartnerIds: _partners, invitedPersonIds: _people, ...rest } = body;
        return rest;
      };
      if (kind === 'sqlite') {
        const db = new Database(sqlitePathFromUrl(url));
        const row = db.prepare('SELECT body FROM events WHERE id = ?').get(id) as { body: string };
        db.prepare('UPDATE events SET body = ? WHERE id = ?').run(JSON.stringify(older(JSON.parse(row.body))), id);
        db.close();
      } else {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const { rows } = await client.query<{ body: Record<string, unknown> }>('SELECT body FROM events WHERE id = $1', [id]);
        await client.query('UPDATE events SET body = $1 WHERE id = $2', [older(rows[0]!.body), id]);
        await client.end();
      }
    }

    it('keeps an end, an online link, invitees and who attended, and records their changes', async () => {
      const store = await open();
      const draft = draftOf(eventRecord('corridor-call', '2026-12-10', { startTime: '13:30', place: '' }));
      const invitation = { endTime: '15:00', onlineUrl: 'https://zoom.us/j/851', invitedPartnerIds: ['c2mi'], invitedPersonIds: ['stephanie-latour'] };
      await store.events.save({ ...draft, ...invitation }, { actor: 'U0ADMIN' });
      expect(await store.events.get('corridor-call')).toMatchObject({ ...invitation, place: '', attendingPartnerIds: [] });
      const saved = (await store.events.get('corridor-call'))!;
      await store.events.save({ ...draftOf(saved), attendingPartnerIds: ['c2mi'], endTime: '15:30' }, { actor: 'U0ADMIN', expectedVersion: saved.version });
      expect((await store.history('event', 'corridor-call')).at(-1)?.diff).toEqual({
        endTime: { from: '15:00', to: '15:30' },
        attendingPartnerIds: { from: [], to: ['c2mi'] },
      });
    });

    it('reads an event stored before invitations as having none, and the founding meeting with its 12 partners present', async () => {
      const url = await databaseUrl();
      await (await open(url)).close();
      await writeOlderBody(url, MEETING);
      const store = await open(url);
      const meeting = (await store.events.get(MEETING))!;
      expect(meeting).toMatchObject({ startTime: null, endTime: null, onlineUrl: null, invitedPartnerIds: [], invitedPersonIds: [], attendeePersonIds: ['rene-sylvestre'] });
      expect(meeting.attendingPartnerIds).toHaveLength(12);
      // Saved again unchanged, it gains no spurious change in its history.
      const before = (await store.history('event', MEETING)).length;
      await store.events.save(draftOf(meeting), { actor: 'U0ADMIN', expectedVersion: meeting.version });
      expect(await store.history('event', MEETING)).toHaveLength(before);
    });
  });

  describe('the about card', () => {
    it('is seeded from the release: the purpose, each figure with its year and the release as its source, the four tracks', async () => {
      const card = (await (await open()).about.get(ABOUT_ID))!;
      expect(card).toMatchObject({ version: 1, updatedBy: SEED_ACTOR, ledByPartnerIds: ['technum-quebec', 'amcham-quebec'] });
      expect(card.purpose.fr).toMatch(/^Structurer le corridor Québec–États du Nord-Est américain/);
      expect(card.figures.map((figure) => [figure.id, figure.value.en, figure.year])).toEqual([
        ['quebec-companies', 'more than 900', 2025],
        ['exporters', '90%', 2025],
        ['exporters-to-us', '75%', 2025],
        ['years-of-collaboration', 'more than 50', 2025],
      ]);
      expect(new Set(card.figures.map((figure) => figure.source.fr))).toEqual(new Set(['Communiqué du 17 avril 2025, Sherbrooke']));
      expect(card.tracks.map((track) => track.title.fr)).toEqual([
        'Meilleure connaissance mutuelle des écosystèmes',
        'Accélération de projets conjoints en recherche et innovation',
        'Création de chaînes de valeur locales et résilientes',
        'Coordination plus étroite pour attirer les investissements et soutenir la formation de la main-d’œuvre',
      ]);
    });

    it('takes an edit over the version shown, with its history, and the tracks read the new titles', async () => {
      const store = await open();
      const card = (await store.about.get(ABOUT_ID))!;
      const figures = card.figures.map((figure) =>
        figure.id === 'quebec-companies' ? { ...figure, value: { fr: 'plus de 1 000', en: 'more than 1,000' }, year: 2026, source: { fr: 'ISQ, 2026', en: 'ISQ, 2026' } } : figure,
      );
      const tracks = card.tracks.map((track) => (track.position === 3 ? { ...track, title: { fr: 'Chaînes d’approvisionnement', en: 'Supply chains' } } : track));
      const later = new Date(Date.now() + 3_600_000);
      const saved = await store.about.save({ ...draftOf(card), figures, tracks }, { actor: 'U0ADMIN', expectedVersion: 1, now: later });
      expect(saved).toMatchObject({ version: 2, updatedBy: 'U0ADMIN' });
      expect((await store.listTracks())[2]!.title.en).toBe('Supply chains');
      const history = await store.history('about', ABOUT_ID);
      expect(history.map((entry) => [entry.actor, entry.change])).toEqual([[SEED_ACTOR, 'created'], ['U0ADMIN', 'updated']]);
      expect(Object.keys(history[1]!.diff).sort()).toEqual(['figures', 'tracks']);
      expect(await store.changesSince(later)).toEqual([expect.objectContaining({ entity: 'about', entityId: ABOUT_ID })]);
      // Another coordinator's form, opened on version 1, changes nothing.
      const stale = store.about.save({ ...draftOf(card), purpose: { fr: 'Autre', en: 'Other' } }, { actor: 'U0BOB', expectedVersion: 1 });
      await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
      expect((await store.about.get(ABOUT_ID))!.purpose).toEqual(card.purpose);
    });

    it('comes to a database seeded before it existed, from the release, once, its records kept', async () => {
      const url = await databaseUrl();
      const old = await open(url);
      const c2mi = (await old.partners.get('c2mi'))!;
      await old.partners.save({ ...draftOf(c2mi), website: 'https://example.org/' }, { actor: 'U0ADMIN' });
      await asBeforeTheAboutRecord(old);
      await old.close();

      const reopened = await open(url);
      expect((await reopened.partners.get('c2mi'))!.website).toBe('https://example.org/');
      expect(await reopened.partners.list()).toHaveLength(12);
      const card = (await reopened.about.get(ABOUT_ID))!;
      expect(card).toMatchObject({ version: 1, updatedBy: SEED_ACTOR });
      expect(card.figures[0]).toMatchObject({ value: { fr: 'plus de 900' }, year: 2025, source: { en: 'Press release of April 17, 2025, Sherbrooke' } });
      expect(await reopened.listTracks()).toHaveLength(4);
      expect(await addAboutRecord(reopened)).toBe(false);
      expect(await reopened.history('about', ABOUT_ID)).toHaveLength(1);
    });
  });

  describe('versions and history', () => {
    it('bumps the version and records old → new values', async () => {
      const store = await open();
      const before = (await store.partners.get('venture-lab'))!;
      const after = await store.partners.save({ ...draftOf(before), jurisdiction: 'QC' }, { actor: 'U0ADMIN', expectedVersion: 1 });
      expect(after.version).toBe(2);
      expect(after.updatedBy).toBe('U0ADMIN');
      expect(after.createdAt).toBe(before.createdAt);
      expect(await store.partners.get('venture-lab')).toEqual(after);
      const history = await store.history('partner', 'venture-lab');
      expect(history.at(-1)).toMatchObject({ actor: 'U0ADMIN', change: 'updated', diff: { jurisdiction: { from: null, to: 'QC' } } });
    });

    it('refuses a write based on a stale version and keeps the current record', async () => {
      const store = await open();
      const base = (await store.partners.get('venture-lab'))!;
      await store.partners.save({ ...draftOf(base), jurisdiction: 'QC' }, { actor: 'U0ALICE', expectedVersion: 1 });
      const stale = store.partners.save({ ...draftOf(base), acronym: 'DQ' }, { actor: 'U0BOB', expectedVersion: 1 });
      await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
      await expect(stale).rejects.toMatchObject({ current: { version: 2, updatedBy: 'U0ALICE', jurisdiction: 'QC' } });
      expect((await store.partners.get('venture-lab'))!.acronym).toBeNull();
      expect(await store.history('partner', 'venture-lab')).toHaveLength(2);
    });

    it('writes nothing when nothing changed', async () => {
      const store = await open();
      const base = (await store.partners.get('iseq'))!;
      const same = await store.partners.save(draftOf(base), { actor: 'U0ADMIN' });
      expect(same.version).toBe(1);
      expect(await store.history('partner', 'iseq')).toHaveLength(1);
    });

    it('rejects a record that breaks the schema, leaving the store unchanged', async () => {
      const store = await open();
      const base = (await store.partners.get('iseq'))!;
      await expect(store.partners.save({ ...draftOf(base), website: 'not a url' }, { actor: 'U0ADMIN' })).rejects.toThrow();
      expect((await store.partners.get('iseq'))!.website).toBeNull();
      expect(await store.history('partner', 'iseq')).toHaveLength(1);
    });

    it('creates a new record at version 1, listed after the seeded ones', async () => {
      const store = await open();
      const base = (await store.partners.get('iseq'))!;
      const created = await store.partners.save({ ...draftOf(base), id: 'new-partner', name: 'New Partner' }, { actor: 'U0ADMIN', now: T0 });
      expect(created).toMatchObject({ version: 1, createdAt: T0.toISOString(), updatedAt: T0.toISOString(), removedAt: null });
      expect((await store.partners.list()).at(-1)!.id).toBe('new-partner');
      expect(await store.history('partner', 'new-partner')).toMatchObject([{ change: 'created', actor: 'U0ADMIN', at: T0.toISOString() }]);
    });

    it('soft-deletes and restores, with history', async () => {
      const store = await open();
      await store.events.remove('first-official-meeting-2025-04-16', { actor: 'U0ADMIN' });
      expect(await store.events.list()).toHaveLength(0);
      expect((await store.events.get('first-official-meeting-2025-04-16'))!.removedAt).not.toBeNull();
      await store.events.restore('first-official-meeting-2025-04-16', { actor: 'U0ADMIN' });
      expect(await store.events.list()).toHaveLength(1);
      const changes = (await store.history('event', 'first-official-meeting-2025-04-16')).map((h) => h.change);
      expect(changes).toEqual(['created', 'removed', 'restored']);
    });

    it('refuses to remove a record that does not exist', async () => {
      const store = await open();
      await expect(store.partners.remove('nobody', { actor: 'U0ADMIN' })).rejects.toThrow(/partner "nobody" not found/);
    });

    it('lists the changes made since a moment, oldest first', async () => {
      const store = await open();
      // After the seeding, which happened at the wall clock's now.
      const since = new Date(Date.now() + 86_400_000);
      const later = (ms: number) => new Date(since.getTime() + ms);
      const iseq = (await store.partners.get('iseq'))!;
      await store.partners.save({ ...draftOf(iseq), acronym: 'IS' }, { actor: 'U1', now: later(0) });
      await store.partners.remove('c2mi', { actor: 'U2', now: later(60_000) });
      await store.actions.remove((await store.actions.list())[0]!.id, { actor: 'U3', now: later(-60_000) });
      const changes = await store.changesSince(since);
      expect(changes.map((h) => [h.entityId, h.change, h.at])).toEqual([
        ['iseq', 'updated', later(0).toISOString()],
        ['c2mi', 'removed', later(60_000).toISOString()],
      ]);
      expect(await store.changesSince(later(120_000))).toEqual([]);
    });
  });

  describe('reads across processes', () => {
    it('sees a write made through another connection to the same database', async () => {
      const url = await databaseUrl();
      const writer = await open(url);
      const reader = await open(url);
      expect((await reader.partners.list()).find((p) => p.id === 'c2mi')!.website).toBeNull();
      const c2mi = (await writer.partners.get('c2mi'))!;
      await writer.partners.save({ ...draftOf(c2mi), website: 'https://example.org/' }, { actor: 'U0ADMIN' });
      expect((await reader.partners.list()).find((p) => p.id === 'c2mi')!.website).toBe('https://example.org/');
      expect((await reader.partners.get('c2mi'))!.version).toBe(2);
      await writer.partners.remove('c2mi', { actor: 'U0ADMIN' });
      expect((await reader.partners.list()).map((p) => p.id)).not.toContain('c2mi');
    });

    it('moves its revision after a record write through either connection, not after reads', async () => {
      const url = await databaseUrl();
      const [reader, writer] = [await open(url), await open(url)];
      const before = await reader.revision();
      await Promise.all([reader.partners.list(), writer.partners.list(), writer.history('partner', 'c2mi')]);
      expect(await reader.revision()).toBe(before);
      const c2mi = (await writer.partners.get('c2mi'))!;
      await writer.partners.save({ ...draftOf(c2mi), website: 'https://example.org/' }, { actor: 'U0ADMIN' });
      const afterOther = await reader.revision();
      expect(afterOther).not.toBe(before);
      await reader.events.remove((await reader.events.list())[0]!.id, { actor: 'U0ADMIN' });
      expect(await reader.revision()).not.toBe(afterOther);
      expect(await writer.revision()).not.toBe(afterOther);
    });

    it('hands out records that cannot be changed behind the store’s back', async () => {
      const store = await open();
      const [first] = await store.partners.list();
      expect(() => {
        (first as { name: string }).name = 'changed';
      }).toThrow(TypeError);
    });
  });

  describe('contact log', () => {
    const entry = (id: string, partnerId: string, on: string, text: string) =>
      ({ id, partnerId, on, author: 'U0ADMIN', kind: 'call', text, nextFollowUpOn: null }) as const;

    it('adds entries and lists a partner’s newest first, by day and then by when each was logged', async () => {
      const { contacts } = await open();
      expect(await contacts.list()).toEqual([]);
      await contacts.save(entry('venture-lab-2026-11-20-a', 'venture-lab', '2026-11-20', 'First call'), { actor: 'U0ADMIN', now: T0 });
      await contacts.save(entry('venture-lab-2026-11-28-a', 'venture-lab', '2026-11-28', 'Draft sent'), { actor: 'U0ADMIN', now: at(1000) });
      // Logged later, about an earlier day: it sorts by its day.
      await contacts.save({ ...entry('venture-lab-2026-11-10-a', 'venture-lab', '2026-11-10', 'Met at the forum'), kind: 'meeting' }, { actor: 'U0BOB', now: at(2000) });
      // The same day twice: the later logged first.
      await contacts.save({ ...entry('venture-lab-2026-11-28-b', 'venture-lab', '2026-11-28', 'Counsel answered'), nextFollowUpOn: '2026-12-15' }, { actor: 'U0ADMIN', now: at(3000) });
      await contacts.save(entry('c2mi-2026-11-29-a', 'c2mi', '2026-11-29', 'Other partner'), { actor: 'U0ADMIN', now: at(4000) });

      const all = await contacts.list();
      expect(all).toHaveLength(5);
      expect(contactsOf('venture-lab', all).map((item) => item.text)).toEqual(['Counsel answered', 'Draft sent', 'First call', 'Met at the forum']);
      expect(contactsOf('c2mi', all).map((item) => item.id)).toEqual(['c2mi-2026-11-29-a']);
      expect(await contacts.get('venture-lab-2026-11-28-b')).toMatchObject({
        partnerId: 'venture-lab',
        on: '2026-11-28',
        kind: 'call',
        nextFollowUpOn: '2026-12-15',
        version: 1,
        updatedBy: 'U0ADMIN',
        createdAt: at(3000).toISOString(),
        removedAt: null,
      });
      expect(await contacts.get('venture-lab-2026-11-10-a')).toMatchObject({ kind: 'meeting', author: 'U0ADMIN', updatedBy: 'U0BOB' });
    });

    it('adds one entry for a form delivered twice, and keeps a removed one out of the partner’s log', async () => {
      const { contacts } = await open();
      const first = await contacts.save(entry('venture-lab-2026-11-28-a', 'venture-lab', '2026-11-28', 'Draft sent'), { actor: 'U0ADMIN', now: T0, expectedVersion: 0, formId: 'V0LOG' });
      const again = await contacts.save(entry('venture-lab-2026-11-28-b', 'venture-lab', '2026-11-28', 'Draft sent'), { actor: 'U0ADMIN', now: at(1000), expectedVersion: 0, formId: 'V0LOG' });
      expect(again.id).toBe(first.id);
      expect(await contacts.list()).toHaveLength(1);
      await contacts.remove(first.id, { actor: 'U0ADMIN', now: at(2000) });
      expect(contactsOf('venture-lab', await contacts.list({ includeRemoved: true }))).toEqual([]);
      expect(await contacts.list()).toEqual([]);
    });
  });

  describe('run ledger', () => {
    it('lets one run claim a period; a second claim is refused while it runs and after it is done', async () => {
      const { runs } = await open();
      const claim = await runs.claim('digest', '2026-W48', claimOptions('a'));
      expect(claim).toMatchObject({ attempt: 1 });
      expect(await runs.claim('digest', '2026-W48', claimOptions('b'))).toBeUndefined();
      expect(await runs.get('digest', '2026-W48')).toMatchObject({ state: 'claimed', claimedBy: 'a', claimedAt: T0, leaseUntil: at(LEASE) });
      expect(await runs.complete(claim!, { channel: 'C0CORRIDOR', messageTs: '1.000001', now: T0 })).toBe(true);
      expect(await runs.claim('digest', '2026-W48', claimOptions('c', at(7 * 86_400_000)))).toBeUndefined();
      expect(await runs.get('digest', '2026-W48')).toMatchObject({ state: 'done', claimedBy: 'a', messageTs: '1.000001', attempts: 1, leaseUntil: null, finishedAt: T0 });
      // Other periods and other jobs are separate.
      expect(await runs.claim('digest', '2026-W49', claimOptions('d'))).toBeDefined();
      expect(await runs.claim('remind', '2026-11-26', claimOptions('d'))).toBeDefined();
    });

    it('leaves a failed period retryable, and counts the attempts', async () => {
      const { runs } = await open();
      const first = await runs.claim('remind', '2026-11-26', claimOptions('a'));
      expect(await runs.fail(first!, 'not_in_channel', T0)).toBe(true);
      expect(await runs.get('remind', '2026-11-26')).toMatchObject({ state: 'failed', error: 'not_in_channel' });
      const second = await runs.claim('remind', '2026-11-26', claimOptions('b'));
      expect(second).toMatchObject({ attempt: 2 });
      expect(await runs.get('remind', '2026-11-26')).toMatchObject({ state: 'claimed', claimedBy: 'b', error: null, finishedAt: null });
    });

    it('treats a skipped run (nothing to post) as run', async () => {
      const { runs } = await open();
      const claim = await runs.claim('remind', '2026-11-26', claimOptions('a'));
      expect(await runs.skip(claim!, T0)).toBe(true);
      expect(await runs.claim('remind', '2026-11-26', claimOptions('b'))).toBeUndefined();
      expect(await runs.lastDone('remind')).toBeUndefined();
    });

    it('takes over a claim whose lease ran out, and not before', async () => {
      const { runs } = await open();
      const crashed = await runs.claim('digest', '2026-W48', claimOptions('crashed'));
      expect(await runs.claim('digest', '2026-W48', claimOptions('b', at(LEASE - 1000)))).toBeUndefined();
      const takeover = await runs.claim('digest', '2026-W48', claimOptions('c', at(LEASE + 1000)));
      expect(takeover).toMatchObject({ attempt: 2 });
      // The crashed run cannot renew or finish a claim it lost.
      expect(await runs.renew(crashed!, at(LEASE + 1000), LEASE)).toBe(false);
      expect(await runs.complete(crashed!, { channel: 'C1', messageTs: '1.1', now: at(LEASE + 1000) })).toBe(false);
      expect(await runs.complete(takeover!, { channel: 'C1', messageTs: '2.2', now: at(LEASE + 1000) })).toBe(true);
      expect(await runs.get('digest', '2026-W48')).toMatchObject({ state: 'done', claimedBy: 'c', messageTs: '2.2' });
    });

    it('keeps a renewed claim alive past its first lease', async () => {
      const { runs } = await open();
      const claim = await runs.claim('digest', '2026-W48', claimOptions('a'));
      expect(await runs.renew(claim!, at(LEASE - 1000), LEASE)).toBe(true);
      expect(await runs.get('digest', '2026-W48')).toMatchObject({ leaseUntil: at(2 * LEASE - 1000) });
      expect(await runs.claim('digest', '2026-W48', claimOptions('b', at(LEASE + 1000)))).toBeUndefined();
      expect(await runs.claim('digest', '2026-W48', claimOptions('b', at(2 * LEASE)))).toBeDefined();
    });

    it('takes over a named dead owner’s claim at once, and only that owner’s', async () => {
      const { runs } = await open();
      const dead = await runs.claim('digest', '2026-W48', claimOptions('host:1:dead'));
      expect(await runs.takeOver('digest', '2026-W48', 'host:2:alive', claimOptions('host:3:new'))).toBeUndefined();
      const taken = await runs.takeOver('digest', '2026-W48', 'host:1:dead', claimOptions('host:3:new', at(1000)));
      expect(taken).toMatchObject({ attempt: 2 });
      expect(await runs.get('digest', '2026-W48')).toMatchObject({ state: 'claimed', claimedBy: 'host:3:new', leaseUntil: at(1000 + LEASE) });
      expect(await runs.skip(dead!, at(2000))).toBe(false);
      expect(await runs.fail(taken!, 'boom', at(2000))).toBe(true);
      expect(await runs.takeOver('digest', '2026-W48', 'host:3:new', claimOptions('host:4:other'))).toBeUndefined();
    });

    it('gives the latest digest Slack accepted', async () => {
      const { runs } = await open();
      for (const [period, day] of [['2026-W47', '2026-11-16'], ['2026-W48', '2026-11-23']] as const) {
        const claim = await runs.claim('digest', period, claimOptions('a', new Date(`${day}T14:00:00Z`)));
        await runs.complete(claim!, { channel: 'C1', messageTs: period, now: new Date(`${day}T14:00:01Z`) });
      }
      const failing = await runs.claim('digest', '2026-W49', claimOptions('a', new Date('2026-11-30T14:00:00Z')));
      await runs.fail(failing!, 'boom', new Date('2026-11-30T14:00:01Z'));
      expect(await runs.lastDone('digest')).toMatchObject({ period: '2026-W48', finishedAt: new Date('2026-11-23T14:00:01Z') });
    });

    it('keeps a held post until its period is posted, across a restart, and records it once', async () => {
      const url = await databaseUrl();
      const before = await open(url);
      const due = new Date('2026-09-08T13:00:00Z'); // the Tuesday after Labour Day, 09:00 in Toronto
      await before.runs.hold({ job: 'digest', period: '2026-W37', dueAt: due }, { owner: 'host:1:a', now: T0 });
      await before.runs.hold({ job: 'digest', period: '2026-W37', dueAt: new Date('2026-09-09T13:00:00Z') }, { owner: 'host:2:b', now: at(1000) });
      await before.close();
      const after = await open(url);
      const held = { job: 'digest', period: '2026-W37', dueAt: due, heldBy: 'host:1:a', heldAt: T0 };
      expect(await after.runs.heldPosts(new Date('2026-09-01T00:00:00Z'))).toEqual([held]);
      expect(await after.runs.heldPosts(new Date(due.getTime() + 1))).toEqual([]);
      const claim = await after.runs.claim('digest', '2026-W37', claimOptions('host:2:b', due));
      await after.runs.fail(claim!, 'not_in_channel', due);
      expect(await after.runs.heldPosts(due)).toEqual([held]);
      const again = await after.runs.claim('digest', '2026-W37', claimOptions('host:2:b', due));
      await after.runs.complete(again!, { channel: 'C1', messageTs: '1.1', now: due });
      expect(await after.runs.heldPosts(due)).toEqual([]);
      // Nudges are recorded per person: their held post is cleared by marking it sent.
      await after.runs.hold({ job: 'nudges', period: '2026-W37', dueAt: due }, { owner: 'host:1:a', now: T0 });
      expect((await after.runs.heldPosts(due)).map((post) => post.job)).toEqual(['nudges']);
      await after.runs.settleHeld('nudges', '2026-W37', due);
      expect(await after.runs.heldPosts(due)).toEqual([]);
    });

    it('sends posts held from holidays in a row to the same instant once, as the latest of them', async () => {
      const { runs } = await open();
      const monday = new Date('2027-11-29T15:00:00Z');
      await runs.hold({ job: 'remind', period: '2027-11-26', dueAt: monday }, { owner: 'a', now: T0 });
      await runs.hold({ job: 'remind', period: '2027-11-25', dueAt: monday }, { owner: 'b', now: T0 });
      await runs.hold({ job: 'digest', period: '2027-W47', dueAt: monday }, { owner: 'a', now: T0 });
      expect((await runs.heldPosts(T0)).map((post) => `${post.job} ${post.period}`)).toEqual(['digest 2027-W47', 'remind 2027-11-26']);
      const skipped = await runs.claim('remind', '2027-11-26', claimOptions('a', monday));
      await runs.skip(skipped!, monday);
      expect((await runs.heldPosts(T0)).map((post) => `${post.job} ${post.period}`)).toEqual(['digest 2027-W47']);
    });

    it('remembers claims across a restart (the same database opened again)', async () => {
      const url = await databaseUrl();
      const before = await open(url);
      const claim = await before.runs.claim('digest', '2026-W48', claimOptions('a'));
      await before.runs.complete(claim!, { channel: 'C1', messageTs: '1.1', now: T0 });
      await before.close();
      const after = await open(url);
      expect(await after.runs.claim('digest', '2026-W48', claimOptions('b'))).toBeUndefined();
    });

    it('grants a period to exactly one of several processes claiming it at once', async () => {
      const url = await databaseUrl();
      await (await open(url)).close();
      const outputs = await raceWorkers(new URL('./claim-worker.ts', import.meta.url), [url], 4);
      expect(outputs.sort()).toEqual(['claimed', 'refused', 'refused', 'refused']);
    });
  });

  describe('snoozes', () => {
    it('keeps the longer snooze and forgets ended ones', async () => {
      const { snoozes } = await open();
      await snoozes.snooze({ partnerId: 'venture-lab', until: '2026-12-03', snoozedBy: 'U1', snoozedAt: T0.toISOString() });
      await snoozes.snooze({ partnerId: 'venture-lab', until: '2026-12-01', snoozedBy: 'U2', snoozedAt: T0.toISOString() });
      await snoozes.snooze({ partnerId: 'cmc-microsystems', until: '2026-11-27', snoozedBy: 'U1', snoozedAt: T0.toISOString() });
      expect(await snoozes.active('2026-11-26')).toEqual([
        { partnerId: 'cmc-microsystems', until: '2026-11-27', snoozedBy: 'U1', snoozedAt: T0.toISOString() },
        { partnerId: 'venture-lab', until: '2026-12-03', snoozedBy: 'U2', snoozedAt: T0.toISOString() },
      ]);
      expect((await snoozes.active('2026-11-27')).map((s) => s.partnerId)).toEqual(['venture-lab']);
    });
  });

  describe('reminder mentions', () => {
    it('remembers who was mentioned for which adhesion in which week, once', async () => {
      const { mentions } = await open();
      await mentions.record('2026-W48', [{ partnerId: 'venture-lab', userId: 'U1' }], T0);
      await mentions.record('2026-W48', [{ partnerId: 'venture-lab', userId: 'U1' }, { partnerId: 'cmc-microsystems', userId: 'U2' }], T0);
      expect(await mentions.inWeek('2026-W48')).toEqual([
        { partnerId: 'cmc-microsystems', userId: 'U2' },
        { partnerId: 'venture-lab', userId: 'U1' },
      ]);
      expect(await mentions.inWeek('2026-W49')).toEqual([]);
    });
  });

  describe('nudge preferences', () => {
    it('nudges everyone until they turn it off, and keeps each person’s latest choice', async () => {
      const { nudgePreferences } = await open();
      expect(await nudgePreferences.enabled('U1')).toBe(true);
      await nudgePreferences.set('U1', false, T0);
      await nudgePreferences.set('U2', false, T0);
      await nudgePreferences.set('U3', true, T0);
      expect(await nudgePreferences.enabled('U1')).toBe(false);
      expect(await nudgePreferences.enabled('U3')).toBe(true);
      expect(await nudgePreferences.turnedOff()).toEqual(['U1', 'U2']);
      await nudgePreferences.set('U1', true, new Date(T0.getTime() + 1000));
      expect(await nudgePreferences.enabled('U1')).toBe(true);
      expect(await nudgePreferences.turnedOff()).toEqual(['U2']);
    });
  });

  describe('Notion links', () => {
    const link: NotionLink = {
      dataSourceId: 'ds-1',
      entity: 'partner',
      recordId: 'c2mi',
      pageId: 'page-1',
      pushedHash: 'h1',
      pushedValues: { Name: 'C2MI', Status: 'signatory', Tags: ['a', 'b'], Nested: { z: 1, a: 2 } },
      pushedAt: '2026-11-26T15:00:00.000Z',
      notionEditedAt: null,
      archived: false,
    };

    it('saves, reads back exactly and updates a link', async () => {
      const { notionLinks } = await open();
      await notionLinks.save(link);
      const read = await notionLinks.get('ds-1', 'partner', 'c2mi');
      expect(read).toEqual(link);
      expect(JSON.stringify(read!.pushedValues)).toBe(JSON.stringify(link.pushedValues));
      await notionLinks.save({ ...link, pushedHash: 'h2', notionEditedAt: '2026-11-26T15:01:00.000Z', archived: true });
      expect(await notionLinks.get('ds-1', 'partner', 'c2mi')).toMatchObject({ pushedHash: 'h2', archived: true, notionEditedAt: '2026-11-26T15:01:00.000Z' });
      expect(await notionLinks.get('ds-2', 'partner', 'c2mi')).toBeUndefined();
    });

    it('lists one data source’s links of one kind, by record', async () => {
      const { notionLinks } = await open();
      await notionLinks.save({ ...link, recordId: 'venture-lab', pageId: 'p2' });
      await notionLinks.save(link);
      await notionLinks.save({ ...link, entity: 'action', recordId: 'a1', pageId: 'p3' });
      await notionLinks.save({ ...link, dataSourceId: 'ds-2', pageId: 'p4' });
      expect((await notionLinks.list('ds-1', 'partner')).map((l) => l.recordId)).toEqual(['c2mi', 'venture-lab']);
    });

    it('keeps people’s pages apart from partners’ with the same ID', async () => {
      const { notionLinks } = await open();
      await notionLinks.save(link);
      await notionLinks.save({ ...link, entity: 'person', recordId: 'c2mi', pageId: 'p5' });
      await notionLinks.save({ ...link, entity: 'person', recordId: 'peter-welch', pageId: 'p6' });
      expect((await notionLinks.list('ds-1', 'person')).map((l) => l.pageId)).toEqual(['p5', 'p6']);
      expect((await notionLinks.get('ds-1', 'partner', 'c2mi'))!.pageId).toBe('page-1');
    });

    it('keeps events’ pages apart from the other records’, and marks one archived', async () => {
      const { notionLinks } = await open();
      await notionLinks.save(link);
      await notionLinks.save({ ...link, entity: 'event', recordId: 'c2mi', pageId: 'p7' });
      await notionLinks.save({ ...link, entity: 'event', recordId: 'first-official-meeting-2025-04-16', pageId: 'p8', archived: true });
      expect((await notionLinks.list('ds-1', 'event')).map((l) => [l.pageId, l.archived])).toEqual([['p7', false], ['p8', true]]);
      expect((await notionLinks.get('ds-1', 'partner', 'c2mi'))!.pageId).toBe('page-1');
    });

    it('remembers the data source behind a database, the latest one winning', async () => {
      const { notionLinks } = await open();
      expect(await notionLinks.dataSourceOf('db-1')).toBeUndefined();
      await notionLinks.rememberDataSource('db-1', 'ds-1', T0);
      await notionLinks.rememberDataSource('db-1', 'ds-9', at(1000));
      expect(await notionLinks.dataSourceOf('db-1')).toBe('ds-9');
    });
  });

  describe('coordination', () => {
    it('sees a delivery first once, from any connection', async () => {
      const url = await databaseUrl();
      const [a, b] = [await open(url), await open(url)];
      expect(await a.coordination.firstDelivery('Ev1', T0)).toBe(true);
      expect(await b.coordination.firstDelivery('Ev1', at(1000))).toBe(false);
      expect(await b.coordination.firstDelivery('Ev2', at(1000))).toBe(true);
      // A day later the first one is forgotten.
      expect(await a.coordination.firstDelivery('Ev3', at(2 * 86_400_000))).toBe(true);
      expect(await a.coordination.firstDelivery('Ev1', at(2 * 86_400_000))).toBe(true);
    });

    it('tells whether a delivery was recorded, recording nothing itself', async () => {
      const url = await databaseUrl();
      const [a, b] = [await open(url), await open(url)];
      expect(await a.coordination.delivered('notion:Ev1')).toBe(false);
      expect(await a.coordination.delivered('notion:Ev1')).toBe(false);
      expect(await a.coordination.firstDelivery('notion:Ev1', T0)).toBe(true);
      expect(await b.coordination.delivered('notion:Ev1')).toBe(true);
      expect(await b.coordination.delivered('notion:Ev2')).toBe(false);
    });

    it('holds a lease for one holder until it lapses or is released', async () => {
      const { coordination } = await open();
      expect(await coordination.acquireLease('sync', 'a', 60_000, T0)).toBe(true);
      expect(await coordination.acquireLease('sync', 'b', 60_000, at(1000))).toBe(false);
      expect(await coordination.leaseHolder('sync', at(1000))).toBe('a');
      expect(await coordination.acquireLease('sync', 'a', 60_000, at(30_000))).toBe(true);
      expect(await coordination.acquireLease('sync', 'b', 60_000, at(61_000))).toBe(false);
      expect(await coordination.leaseHolder('sync', at(91_000))).toBeUndefined();
      expect(await coordination.acquireLease('sync', 'b', 60_000, at(91_000))).toBe(true);
      await coordination.releaseLease('sync', 'a');
      expect(await coordination.leaseHolder('sync', at(92_000))).toBe('b');
      await coordination.releaseLease('sync', 'b');
      expect(await coordination.leaseHolder('sync', at(92_000))).toBeUndefined();
      expect(await coordination.acquireLease('sync', 'a', 60_000, at(93_000))).toBe(true);
    });

    it('gives the most recent Home tab viewers first', async () => {
      const { coordination } = await open();
      await coordination.rememberHomeViewer('U1', T0);
      await coordination.rememberHomeViewer('U2', at(1000));
      await coordination.rememberHomeViewer('U3', at(2000));
      await coordination.rememberHomeViewer('U1', at(3000));
      expect(await coordination.recentHomeViewers(2)).toEqual(['U1', 'U3']);
      expect(await coordination.recentHomeViewers(10)).toEqual(['U1', 'U3', 'U2']);
    });
  });

  it('answers a ping', async () => {
    const store = await open();
    expect(store.kind).toBe(kind);
    await expect(store.ping(2000)).resolves.toBeUndefined();
  });
});

/** Takes a database back to before the about card was a record: no about table, its migration not applied. */
async function asBeforeTheAboutRecord(store: CorridorStore): Promise<void> {
  const migrations = store.kind === 'sqlite' ? loadMigrations() : postgresMigrations();
  const version = migrations.find((migration) => migration.name.endsWith('_about_record.sql'))!.version;
  const sql = `DROP TABLE about; DELETE FROM history WHERE entity = 'about'; DELETE FROM schema_migrations WHERE version = ${version};`;
  if (store.kind === 'sqlite') (store as SqliteCorridorStore).db.exec(sql);
  else await (store as PostgresCorridorStore).pool.query(sql);
}
