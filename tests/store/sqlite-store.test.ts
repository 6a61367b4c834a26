import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftOf } from '../../src/domain/draft.js';
import { DatabaseOpenError, openSqliteStore, sqlitePathFromUrl, UnsupportedDatabaseError } from '../../src/store/open-store.js';
import { VersionConflictError } from '../../src/store/repository.js';
import { partnerRecord } from '../support/records.js';
import { tempStores } from '../support/temp-stores.js';

const { open, databaseUrl } = tempStores('store');
const tempDatabaseUrl = () => databaseUrl(join('nested', 'corridor.sqlite'));

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
    expect(partners.find((p) => p.id === 'c2mi')).toMatchObject({ kind: null, jurisdiction: null, joinedOn: null });
    expect(partners.filter((p) => p.status === 'pending').every((p) => p.pendingSince === '2025-04-16')).toBe(true);
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
    expect(await store.listTracks()).toHaveLength(4);
    expect((await store.getProfile()).figures.map((f) => f.value)).toEqual([900, 90, 75, 50]);
  });

  it('seeds once: a reopened store keeps later edits and removals', async () => {
    const url = tempDatabaseUrl();
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

  it('lets two stores open one new file at once without double seeding', async () => {
    const url = tempDatabaseUrl();
    const [a, b] = await Promise.all([open(url), open(url)]);
    expect(await a.partners.list()).toHaveLength(12);
    expect(await b.partners.list()).toHaveLength(12);
    expect(a.db.prepare('SELECT COUNT(*) AS n FROM history').get()).toEqual(b.db.prepare('SELECT COUNT(*) AS n FROM history').get());
  });
});

describe('versions and history', () => {
  it('bumps the version and records old → new values', async () => {
    const store = await open();
    const before = (await store.partners.get('distriq'))!;
    const after = await store.partners.save({ ...draftOf(before), jurisdiction: 'QC' }, { actor: 'U0ADMIN', expectedVersion: 1 });
    expect(after.version).toBe(2);
    expect(after.updatedBy).toBe('U0ADMIN');
    const history = await store.history('partner', 'distriq');
    expect(history.at(-1)).toMatchObject({ actor: 'U0ADMIN', change: 'updated', diff: { jurisdiction: { from: null, to: 'QC' } } });
  });

  it('refuses a write based on a stale version and keeps the current record', async () => {
    const store = await open();
    const base = (await store.partners.get('distriq'))!;
    await store.partners.save({ ...draftOf(base), jurisdiction: 'QC' }, { actor: 'U0ALICE', expectedVersion: 1 });
    const stale = store.partners.save({ ...draftOf(base), acronym: 'DQ' }, { actor: 'U0BOB', expectedVersion: 1 });
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ current: { version: 2, updatedBy: 'U0ALICE', jurisdiction: 'QC' } });
    expect((await store.partners.get('distriq'))!.acronym).toBeNull();
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
  });

  it('soft-deletes and restores, with history', async () => {
    const store = await open();
    await store.events.remove('first-official-meeting-2025-04-16', { actor: 'U0ADMIN' });
    expect(await store.events.list()).toHaveLength(0);
    await store.events.restore('first-official-meeting-2025-04-16', { actor: 'U0ADMIN' });
    expect(await store.events.list()).toHaveLength(1);
    const changes = (await store.history('event', 'first-official-meeting-2025-04-16')).map((h) => h.change);
    expect(changes).toEqual(['created', 'removed', 'restored']);
  });
});

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
});

describe('reads across processes', () => {
  it('sees a write made through another connection to the same file', async () => {
    const url = tempDatabaseUrl();
    const writer = await open(url);
    const reader = await open(url);
    expect((await reader.partners.list()).find((p) => p.id === 'c2mi')!.website).toBeNull();
    const c2mi = (await writer.partners.get('c2mi'))!;
    await writer.partners.save({ ...draftOf(c2mi), website: 'https://example.org/' }, { actor: 'U0ADMIN' });
    expect((await reader.partners.list()).find((p) => p.id === 'c2mi')!.website).toBe('https://example.org/');
    await writer.partners.remove('c2mi', { actor: 'U0ADMIN' });
    expect((await reader.partners.list()).map((p) => p.id)).not.toContain('c2mi');
  });

  it('hands out records that cannot be changed behind the store’s back', async () => {
    const store = await open();
    const [first] = await store.partners.list();
    expect(() => {
      (first as { name: string }).name = 'changed';
    }).toThrow(TypeError);
  });
});

describe('DATABASE_URL', () => {
  it('accepts sqlite:, file: and bare paths', () => {
    expect(sqlitePathFromUrl('sqlite:./data/x.sqlite')).toBe('./data/x.sqlite');
    expect(sqlitePathFromUrl('file:/tmp/x.db')).toBe('/tmp/x.db');
    expect(sqlitePathFromUrl('sqlite::memory:')).toBe(':memory:');
    expect(sqlitePathFromUrl('/var/lib/corridor.db')).toBe('/var/lib/corridor.db');
  });

  it('names what it does not support', () => {
    expect(() => sqlitePathFromUrl('postgres://db/corridor')).toThrow(UnsupportedDatabaseError);
    expect(() => sqlitePathFromUrl('postgres://db/corridor')).toThrow(/postgres/);
    expect(() => sqlitePathFromUrl('sqlite:')).toThrow(UnsupportedDatabaseError);
  });

  it('names the setting when the file cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-open-'));
    try {
      const notADatabase = join(dir, 'notes.txt');
      writeFileSync(notADatabase, 'not a database, but long enough to have a header of sorts: '.repeat(4));
      await expect(openSqliteStore(`sqlite:${notADatabase}`)).rejects.toThrow(DatabaseOpenError);
      await expect(openSqliteStore(`sqlite:${dir}`)).rejects.toThrow(/^DATABASE_URL: cannot open /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
