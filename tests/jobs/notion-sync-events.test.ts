import { afterEach, describe, expect, it } from 'vitest';
import { draftOf } from '../../src/domain/draft.js';
import { eventPropertyNames } from '../../src/notion/schema.js';
import { renderSyncSummaryText } from '../../src/notion/sync-summary.js';
import { eventRecord } from '../support/records.js';
import { notionFixture, type NotionFixture } from '../support/notion-fixture.js';

// Events reach a fourth Notion database as partners, people and action items do: once, then only what changed.

let fixture: NotionFixture;

afterEach(async () => {
  await fixture.close();
});

const SEED_MEETING = 'first-official-meeting-2025-04-16';
const ZOOM = 'https://us02web.zoom.us/j/81234567890';

/** Each event's page by Corridor ID, as plain values (a date's start only). */
function eventPages(): Map<string, { id: string; values: Record<string, unknown> }> {
  const corridorId = eventPropertyNames(fixture.lang).corridorId;
  const pages = fixture.emulator.pagesOf(fixture.eventsDataSourceId).map((page) => ({ id: page.id, values: fixture.emulator.readPage(page.id) }));
  return new Map(pages.map((page) => [String(page.values[corridorId]), page]));
}

/** A page's date as Notion returns it through the API: start and end. */
async function dateOf(pageId: string): Promise<unknown> {
  const page = (await fixture.connection.client.pages.retrieve({ page_id: pageId })) as { properties: Record<string, { date?: unknown }> };
  return page.properties[eventPropertyNames(fixture.lang).date]?.date;
}

/** Page IDs of the partners' pages, by Corridor ID. */
function partnerPageIds(): Map<string, string> {
  return new Map(fixture.emulator.pagesOf(fixture.partnersDataSourceId).map((page) => [String(fixture.emulator.readPage(page.id)['Corridor ID']), page.id]));
}

const workshop = () =>
  draftOf(
    eventRecord('zoom-workshop-2026-06-10', '2026-06-10', {
      title: { fr: 'Atelier en ligne', en: 'Online workshop' },
      startTime: '13:30',
      endTime: '15:00',
      place: '',
      onlineUrl: ZOOM,
      organiserIds: ['technum-quebec'],
      invitedPartnerIds: ['c2mi'],
      invitedPersonIds: ['stephanie-latour'],
    }),
  );

describe('events in Notion', () => {
  it('writes the seed meeting with its 12 partners present, and a timed event with its start, end and link', async () => {
    fixture = await notionFixture({ people: true, events: true });
    await fixture.store.events.save(workshop(), { actor: 'U0ADMIN' });
    const summary = await fixture.sync();
    expect(summary.aborted).toBeNull();
    expect(summary.counts.event).toMatchObject({ created: 2, failed: 0 });
    const pages = eventPages();
    const partners = partnerPageIds();
    const meeting = pages.get(SEED_MEETING)!;
    expect(meeting.values).toMatchObject({ Title: 'First official meeting of the MOU signatories', Place: 'Université de Sherbrooke', Status: 'Scheduled', Date: '2025-04-16' });
    expect(meeting.values['Partners present']).toHaveLength(12);
    expect(new Set(meeting.values['Partners present'] as string[])).toEqual(new Set(partners.values()));
    expect(new Set(meeting.values.Organizers as string[])).toEqual(new Set([partners.get('technum-quebec'), partners.get('amcham-quebec')]));
    const welch = fixture.emulator.pagesOf(fixture.peopleDataSourceId).find((page) => fixture.emulator.readPage(page.id)['Corridor ID'] === 'peter-welch')!;
    expect(meeting.values.Speakers).toEqual([welch.id]);
    expect(await dateOf(meeting.id)).toMatchObject({ start: '2025-04-16', end: null });

    const online = pages.get('zoom-workshop-2026-06-10')!;
    expect(online.values).toMatchObject({ 'Online link': ZOOM, 'Invited partners': [partners.get('c2mi')] });
    expect(online.values['Invited people']).toHaveLength(1);
    expect(await dateOf(online.id)).toMatchObject({ start: '2026-06-10T13:30:00-04:00', end: '2026-06-10T15:00:00-04:00' });
    // Nothing internal: no e-mail address reaches the Events database.
    expect(JSON.stringify([...pages.values()])).not.toContain('@');
    expect(renderSyncSummaryText(summary, 'en')).toContain('Events: 2 created, 0 updated');

    fixture.emulator.resetRequests();
    const second = await fixture.sync();
    expect(second.counts.event).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(fixture.writes()).toBe(0);
  });

  it('updates only the page of an event whose end changed, and archives that of one removed', async () => {
    fixture = await notionFixture({ people: true, events: true, lang: 'fr' });
    const saved = await fixture.store.events.save(workshop(), { actor: 'U0ADMIN' });
    await fixture.sync();
    const online = eventPages().get(saved.id)!;
    await fixture.store.events.save({ ...draftOf(saved), endTime: '16:15' }, { actor: 'U0ADMIN' });
    fixture.emulator.resetRequests();
    const summary = await fixture.sync();
    expect(summary.counts.event).toMatchObject({ updated: 1, unchanged: 1 });
    const writes = fixture.emulator.requests.filter((request) => request.path.startsWith('/v1/pages') && request.method !== 'GET');
    expect(writes.map((request) => request.path)).toEqual([`/v1/pages/${online.id}`]);
    expect(await dateOf(online.id)).toMatchObject({ start: '2026-06-10T13:30:00-04:00', end: '2026-06-10T16:15:00-04:00' });
    expect(renderSyncSummaryText(summary, 'fr')).toContain('Événements\u00a0: 0 créé');

    await fixture.store.events.remove(saved.id, { actor: 'U0ADMIN' });
    const third = await fixture.sync();
    expect(third.counts.event).toMatchObject({ archived: 1, unchanged: 1 });
    expect(eventPages().has(saved.id)).toBe(false);
    expect(eventPages().has(SEED_MEETING)).toBe(true);
  });

  it('puts back an event’s date and link edited in Notion, and lists the edit it overwrote', async () => {
    fixture = await notionFixture({ events: true });
    const saved = await fixture.store.events.save(workshop(), { actor: 'U0ADMIN' });
    await fixture.sync();
    const page = eventPages().get(saved.id)!;
    fixture.emulator.editPage(page.id, { Date: { date: { start: '2026-06-11' } }, 'Online link': { url: 'https://example.com/other' } });
    const summary = await fixture.sync();
    expect(summary.counts.event).toMatchObject({ updated: 1, unchanged: 1 });
    expect(summary.overwritten).toEqual([expect.objectContaining({ entity: 'event', recordId: saved.id, properties: ['Date', 'Online link'] })]);
    expect(await dateOf(page.id)).toMatchObject({ start: '2026-06-10T13:30:00-04:00', end: '2026-06-10T15:00:00-04:00' });
    expect(eventPages().get(saved.id)!.values['Online link']).toBe(ZOOM);
  });

  it('gives a timed event without an end the calendar’s one hour, in winter’s offset too', async () => {
    fixture = await notionFixture({ events: true });
    await fixture.store.events.save(draftOf(eventRecord('winter-call', '2026-01-15', { startTime: '09:00', endTime: null })), { actor: 'U0ADMIN' });
    await fixture.sync();
    expect(await dateOf(eventPages().get('winter-call')!.id)).toMatchObject({ start: '2026-01-15T09:00:00-05:00', end: '2026-01-15T10:00:00-05:00' });
  });

  it('leaves the people relations alone without the People database, and says how to add the Events one without it', async () => {
    fixture = await notionFixture({ events: true });
    const summary = await fixture.sync();
    expect(summary.counts.event.created).toBe(1);
    expect(eventPages().get(SEED_MEETING)!.values.Speakers).toEqual([]);

    await fixture.close();
    fixture = await notionFixture({ people: true });
    const without = await fixture.sync();
    expect(without.aborted).toBeNull();
    expect(without.counts.person.created).toBe(5);
    expect(fixture.emulator.pagesOf(fixture.eventsDataSourceId)).toHaveLength(0);
    const text = renderSyncSummaryText(without, 'en');
    expect(text).not.toContain('Events:');
    expect(text).toContain('Events are not synced: set NOTION_EVENTS_DATABASE_ID');
    expect(renderSyncSummaryText(without, 'fr')).toContain('définissez NOTION_EVENTS_DATABASE_ID');
  });
});
