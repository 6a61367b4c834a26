import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/domain/dates.js';
import { blockKitViolations, viewViolations } from '../support/block-kit-limits.js';
import { ADMIN_ID, startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { menuSearch, viewSubmission, type Typed } from '../support/slack-interactions.js';

// An event added through the real form (signed requests into Bolt), then read as calendar apps and
// people read it: the feed, the per-event file behind *Add to calendar*, and the card.

type Json = Record<string, unknown>;

const KEY = 'calendar-key-0123456789abcdef';
const PARTNER = 'U0PARTNER';
const ZOOM = 'https://us02web.zoom.us/j/85123456789?pwd=corridor';
const LATOUR_EMAIL = 'stephanie.latour@technumquebec.ca';

let running: RunningCorridorApp;
let base: string;
let date: string;

beforeAll(async () => {
  running = await startCorridorApp({ CALENDAR_FEED_KEY: KEY, PUBLIC_URL: 'https://corridor.example.org', CORRIDOR_TZ: 'America/Toronto' });
  base = running.eventsUrl.replace('/slack/events', '');
  running.slack.setUser({ id: ADMIN_ID, locale: 'en-US' });
  running.slack.setUser({ id: PARTNER, locale: 'en-US', team_id: 'T0VENTURELAB' });
  const today = localIsoDate(new Date(), 'America/Toronto');
  date = new Date(Date.parse(`${today}T12:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10);
  await addEvent({ title_en: 'Corridor call', date, time: '13:30', end_time: '15:00', place: '', online_url: ZOOM, invited_partners: ['c2mi'], invited_people: ['stephanie-latour', 'peter-welch'] });
  await addEvent({ title_en: 'Supplier breakfast', date, time: '09:00', place: 'Bromont' });
});

afterAll(async () => {
  await running.close();
});

async function openEventModal(lang: 'en' | 'fr' = 'en'): Promise<Json> {
  const before = running.slack.callsTo('views.open').length;
  await running.command(`event add --${lang}`, { user_id: ADMIN_ID });
  await running.corridor.idle();
  const calls = running.slack.callsTo('views.open');
  expect(calls).toHaveLength(before + 1);
  const view = calls.at(-1)!.args.view as Json;
  expect(viewViolations(view)).toEqual([]);
  return view;
}

let forms = 0;

/** Each submission is of a form of its own (a view ID of its own), as each opened modal is. */
async function submitEvent(typed: Typed, lang: 'en' | 'fr' = 'en'): Promise<{ response_action?: string; errors?: Record<string, string> }> {
  const viewId = `V0EVENT${String(++forms).padStart(4, '0')}`;
  const response = await running.interaction(viewSubmission(ADMIN_ID, await openEventModal(lang), typed, viewId));
  expect(response.status).toBe(200);
  await running.corridor.idle();
  return (response.json ?? {}) as { response_action?: string; errors?: Record<string, string> };
}

async function addEvent(typed: Typed): Promise<void> {
  expect((await submitEvent(typed)).response_action).toBe('update');
}

/** The VEVENT holding `summary`, its folded lines joined back. */
function vevent(ics: string, summary: string): string {
  const unfolded = ics.replace(/\r\n /g, '');
  const found = unfolded.split('BEGIN:VEVENT').find((part) => part.includes(`SUMMARY:${summary}\r\n`));
  expect(found, summary).toBeDefined();
  return found!.slice(0, found!.indexOf('END:VEVENT'));
}

async function getText(path: string): Promise<string> {
  const response = await fetch(path.startsWith('http') ? path.replace('https://corridor.example.org', base) : `${base}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

async function card(userId: string, text: string): Promise<{ text: string; blocks: Json[] }> {
  const response = await running.command(text, { user_id: userId });
  expect(response.status).toBe(200);
  const reply = response.json as { text: string; blocks: Json[] };
  expect(blockKitViolations(reply.blocks, 'message')).toEqual([]);
  return reply;
}

function calendarLinkOf(reply: { blocks: Json[] }): string {
  const url = /<(https:\/\/corridor\.example\.org\/calendar\/event\.ics\?[^|>]+)\|/.exec(JSON.stringify(reply.blocks))?.[1];
  expect(url).toBeDefined();
  return url!.replace(/&amp;/g, '&');
}

describe('GET /calendar.ics after an event was added through the form', () => {
  it('gives it its end at 15:00 in America/Toronto and its Zoom link as URL and, with no place, as LOCATION', async () => {
    const event = vevent(await getText(`/calendar.ics?key=${KEY}&lang=en`), 'Corridor call');
    const day = date.replace(/-/g, '');
    expect(event).toContain(`DTSTART;TZID=America/Toronto:${day}T133000\r\n`);
    expect(event).toContain(`DTEND;TZID=America/Toronto:${day}T150000\r\n`);
    expect(event).toContain(`URL;VALUE=URI:${ZOOM}\r\n`);
    expect(event).toContain(`LOCATION:${ZOOM}\r\n`);
  });

  it('gives a timed event without an end one hour, and keeps its place as LOCATION with no URL', async () => {
    const event = vevent(await getText(`/calendar.ics?key=${KEY}&lang=en`), 'Supplier breakfast');
    const day = date.replace(/-/g, '');
    expect(event).toContain(`DTSTART;TZID=America/Toronto:${day}T090000\r\n`);
    expect(event).toContain(`DTEND;TZID=America/Toronto:${day}T100000\r\n`);
    expect(event).toContain('LOCATION:Bromont\r\n');
    expect(event).not.toContain('URL');
  });

  it('never carries an e-mail: one key serves every subscriber, other organisations included', async () => {
    const feed = await getText(`/calendar.ics?key=${KEY}`);
    expect(feed).not.toContain(LATOUR_EMAIL);
    expect(feed).not.toMatch(/ATTENDEE|mailto/i);
  });

  it('keeps the founding meeting a day-long event with no end invented', async () => {
    const meeting = vevent(await getText(`/calendar.ics?key=${KEY}&lang=en`), 'First official meeting of the MOU signatories');
    expect(meeting).toContain('DTSTART;VALUE=DATE:20250416\r\n');
    expect(meeting).not.toContain('DTEND');
  });
});

describe('the event card and its calendar file', () => {
  it('shows a coordinator the end, the link and the invitees, and its file lists the invitees whose e-mail is known', async () => {
    const reply = await card(ADMIN_ID, 'event corridor call');
    const shown = JSON.stringify(reply.blocks);
    expect(shown).toContain('1:30 p.m. to 3:00 p.m.');
    expect(shown).toContain(ZOOM);
    expect(shown).toMatch(/\*Invited\* \(3\)\\n.*C2MI.*Stéphanie Latour.*Peter Welch/);
    expect(shown).not.toContain(LATOUR_EMAIL);
    const event = vevent(await getText(calendarLinkOf(reply)), 'Corridor call');
    expect(event).toMatch(/ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN="Stéphanie Latour":MAILTO:stephanie\.latour@technumquebec\.ca\r\n/);
    // Senator Welch has no e-mail on record: invited, but no attendee line can be written.
    expect(event.match(/ATTENDEE/g)).toHaveLength(1);
  });

  it('shows another organisation the same invitation without any e-mail, and its file has none', async () => {
    const reply = await card(PARTNER, 'event corridor call');
    const shown = JSON.stringify(reply.blocks);
    expect(shown).toContain('3:00 p.m.');
    expect(shown).toContain('Stéphanie Latour');
    expect(shown).not.toContain(LATOUR_EMAIL);
    const file = await getText(calendarLinkOf(reply));
    expect(file).toContain('DTEND;TZID=America/Toronto:');
    expect(file).not.toMatch(/ATTENDEE|mailto|technumquebec/i);
  });

  it('still lists the 12 partners present at the founding meeting, after an edit through the form that asks who attended', async () => {
    const before = running.slack.callsTo('views.open').length;
    await running.command('event edit 2025-04-16', { user_id: ADMIN_ID });
    await running.corridor.idle();
    const view = running.slack.callsTo('views.open')[before]!.args.view as Json;
    expect(viewViolations(view)).toEqual([]);
    const ack = await running.interaction(viewSubmission(ADMIN_ID, view, { summary_en: 'Four action tracks identified.' }, 'V0EVENTMEETING'));
    expect((ack.json as { response_action?: string }).response_action).toBe('update');
    await running.corridor.idle();
    expect((await running.store.events.get('first-official-meeting-2025-04-16'))?.attendingPartnerIds).toHaveLength(12);
    const shown = JSON.stringify((await card(ADMIN_ID, 'event 2025-04-16')).blocks);
    expect(shown).toContain('*Partners present* (12)');
  });
});

describe('the event form refuses, under the field', () => {
  it('an end before the start and a link that is not a web address, in English', async () => {
    const before = (await running.store.events.list()).length;
    const ack = await submitEvent({ title_en: 'Late call', date, time: '15:00', end_time: '13:30', place: 'Bromont', online_url: 'zoom.us/j/1' });
    expect(ack.response_action).toBe('errors');
    expect(ack.errors).toEqual({
      end_time: 'Please give an end after the start time (the same day).',
      online_url: 'Please give a web address starting with https:// (or http://).',
    });
    expect((await running.store.events.list()).length).toBe(before);
  });

  it('an end without a start and an event with neither place nor link, in French', async () => {
    const ack = await submitEvent({ title_fr: 'Appel', date, time: null, end_time: '15:00', place: '' }, 'fr');
    expect(ack.errors).toEqual({
      end_time: 'Veuillez aussi donner une heure de début, ou laisser la fin vide pour un événement d’une journée.',
      place: 'Veuillez donner un lieu, ou un lien en ligne pour un événement tenu en ligne seulement.',
    });
  });
});

describe('the people invited, among more people than a menu holds', () => {
  it('are searched as the coordinator types, and saved', async () => {
    for (let i = 0; i < 110; i++) {
      const id = `guest-${i}`;
      await running.store.people.save({ id, name: `Guest ${i}`, title: null, partnerId: null, affiliation: null, email: null, quote: null }, { actor: ADMIN_ID });
    }
    const view = await openEventModal();
    const picker = (view.blocks as Json[]).find((block) => block.block_id === 'invited_people') as { element: { type: string; action_id: string } };
    expect(picker.element.type).toBe('multi_external_select');
    const response = await running.interaction(menuSearch(ADMIN_ID, picker.element.action_id, 'invited_people', 'guest 10'));
    const options = (response.json as { options: { value: string }[] }).options.map((option) => option.value);
    expect(options.sort()).toEqual(['guest-10', 'guest-100', 'guest-101', 'guest-102', 'guest-103', 'guest-104', 'guest-105', 'guest-106', 'guest-107', 'guest-108', 'guest-109']);
    const ack = await running.interaction(viewSubmission(ADMIN_ID, view, { title_en: 'Guest day', date, place: 'Bromont', invited_people: ['guest-107'] }, 'V0EVENTGUESTS'));
    expect((ack.json as { response_action?: string }).response_action).toBe('update');
    await running.corridor.idle();
    expect((await running.store.events.list()).find((event) => event.title.en === 'Guest day')?.invitedPersonIds).toEqual(['guest-107']);
  });
});
