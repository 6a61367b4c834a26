import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftOf } from '../../src/domain/draft.js';
import { openSqliteStore } from '../../src/store/open-store.js';
import { eventRecord } from '../support/records.js';
import { cleanEnv } from '../support/run-cli.js';
import { startSlackApiEmulator, type SlackApiEmulator } from '../support/slack-api-emulator.js';
import { postSigned, slashCommandBody } from '../support/slack-signing.js';
import { spawnApp, type SpawnedApp } from '../support/spawned-app.js';

// The calendars as a new user meets them: `npm start` in a process of its own, in HTTP mode, and
// plain GET requests to its port, as `curl` or a calendar app makes them.

const SECRET = 'calendar-test-signing-secret';
const TOKEN = 'xoxb-calendar-test';
const FEED_KEY = 'feed-key-0123456789abcdef';
const PUBLIC_URL = 'https://corridor.example.org';
const MEETING = 'first-official-meeting-2025-04-16';

let slack: SlackApiEmulator;
let app: SpawnedApp;
let off: SpawnedApp;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  slack = await startSlackApiEmulator({ botToken: TOKEN });
  const common = { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: slack.url, PORT: '0' };
  env = cleanEnv({ ...common, CALENDAR_FEED_KEY: FEED_KEY, PUBLIC_URL });
  // A timed event beside the seeded meeting (which the press release gives no time for: a day-long event).
  const store = await openSqliteStore(env.DATABASE_URL!);
  await store.events.save(draftOf(eventRecord('forum', '2026-11-26', { startTime: '18:30', place: 'Bromont, QC', title: { fr: 'Forum', en: 'Forum' } })), { actor: 'U0ADMIN' });
  await store.close();
  [app, off] = await Promise.all([spawnApp(env), spawnApp(cleanEnv(common))]);
});

afterAll(async () => {
  app?.child.kill('SIGKILL');
  off?.child.kill('SIGKILL');
  await slack?.close();
});

async function get(port: number, path: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

function vevent(ics: string, uid: string): string {
  return ics.split('BEGIN:VEVENT').find((part) => part.includes(`UID:${uid}`)) ?? '';
}

describe('GET /calendar.ics?key=CALENDAR_FEED_KEY', () => {
  it('serves every event with the VTIMEZONE of America/Toronto, titles in the asked language', async () => {
    const feed = await get(app.port, `/calendar.ics?key=${FEED_KEY}&lang=en`);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    expect(feed.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(feed.text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:America\/Toronto\r\n[\s\S]*END:VTIMEZONE/);
    const meeting = vevent(feed.text, `${MEETING}@corridor-bot`);
    expect(meeting).toContain('DTSTART;VALUE=DATE:20250416\r\n');
    expect(meeting).toContain('SUMMARY:First official meeting of the MOU signatories\r\n');
    expect(meeting).toContain('LOCATION:Université de Sherbrooke\r\n');
    expect(meeting).toContain('STATUS:CONFIRMED\r\n');
    expect(meeting).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
    const forum = vevent(feed.text, 'forum@corridor-bot');
    expect(forum).toContain('DTSTART;TZID=America/Toronto:20261126T183000\r\n');
    expect(forum).toContain('LOCATION:Bromont\\, QC\r\n');

    const french = await get(app.port, `/calendar.ics?key=${FEED_KEY}&lang=fr`);
    expect(vevent(french.text, `${MEETING}@corridor-bot`)).toContain('SUMMARY:Première rencontre officielle des signataires du MOU\r\n');
  });

  it('follows changes: a cancelled event is marked so with a higher SEQUENCE, a removed one leaves', async () => {
    const before = vevent((await get(app.port, `/calendar.ics?key=${FEED_KEY}`)).text, 'forum@corridor-bot');
    expect(before).toContain('SEQUENCE:0\r\n');
    const store = await openSqliteStore(env.DATABASE_URL!);
    try {
      const forum = (await store.events.get('forum'))!;
      await store.events.save(draftOf({ ...forum, status: 'cancelled' }), { actor: 'U0ADMIN', expectedVersion: forum.version });
      const cancelled = vevent((await get(app.port, `/calendar.ics?key=${FEED_KEY}`)).text, 'forum@corridor-bot');
      expect(cancelled).toContain('STATUS:CANCELLED\r\n');
      expect(cancelled).toContain('SEQUENCE:1\r\n');
      expect(cancelled.match(/LAST-MODIFIED:(\S+)/)?.[1]).not.toBe(before.match(/LAST-MODIFIED:(\S+)/)?.[1]);

      await store.events.remove('forum', { actor: 'U0ADMIN' });
      const after = await get(app.port, `/calendar.ics?key=${FEED_KEY}`);
      expect(after.text).not.toContain('UID:forum@corridor-bot');
      expect(after.text).toContain(`UID:${MEETING}@corridor-bot`);
    } finally {
      await store.close();
    }
  });

  it('answers 404 and no data to a wrong or missing key, and when CALENDAR_FEED_KEY is not set', async () => {
    for (const path of [`/calendar.ics?key=${FEED_KEY}x`, '/calendar.ics?key=', '/calendar.ics', `/calendar.ics?key=${FEED_KEY.slice(0, -1)}`]) {
      const refused = await get(app.port, path);
      expect(refused, path).toMatchObject({ status: 404, text: 'not found\n' });
    }
    expect(await get(off.port, `/calendar.ics?key=${FEED_KEY}`)).toMatchObject({ status: 404, text: 'not found\n' });
    expect(await get(app.port, `/calendar.ics?key=${FEED_KEY}&key=${FEED_KEY}`)).toMatchObject({ status: 404, text: 'not found\n' });
    // A right key with a language the feed does not speak: told so, in one line.
    expect(await get(app.port, `/calendar.ics?key=${FEED_KEY}&lang=de`)).toMatchObject({ status: 400, text: 'lang: expected fr or en\n' });
    expect((await get(app.port, '/calendar.ics?key=wrong&lang=de')).status).toBe(404);
  });
});

describe('Add to calendar on an event card', () => {
  it('links to a stable, signed file of the one event, which a wrong signature cannot open', async () => {
    const card = await postSigned(app.eventsUrl, slashCommandBody({ text: 'event 2025-04-16 --en' }), { signingSecret: SECRET });
    expect(card.status).toBe(200);
    const links = [...card.text.matchAll(/<(https:\/\/corridor\.example\.org\/calendar\/event\.ics\?[^|>]+)\|Add to calendar>/g)].map((match) => match[1]!);
    expect(links).toHaveLength(1);
    const again = await postSigned(app.eventsUrl, slashCommandBody({ text: 'event 2025-04-16 --en' }), { signingSecret: SECRET });
    expect(again.text).toContain(links[0]);

    const url = new URL(links[0]!);
    expect(url.searchParams.get('id')).toBe(MEETING);
    const file = await get(app.port, `${url.pathname}${url.search}`);
    expect(file.status).toBe(200);
    expect(file.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(file.text).toContain(`UID:${MEETING}@corridor-bot`);
    expect(file.text).toContain('SUMMARY:First official meeting of the MOU signatories');

    const forged = new URLSearchParams(url.search);
    forged.set('id', 'forum');
    expect((await get(app.port, `${url.pathname}?${forged}`)).status).toBe(404);
    forged.set('id', MEETING);
    forged.set('sig', `${url.searchParams.get('sig')!.slice(0, -1)}A`);
    expect((await get(app.port, `${url.pathname}?${forged}`)).status).toBe(404);
    expect((await get(off.port, `${url.pathname}${url.search}`)).status).toBe(404);
  });
});
