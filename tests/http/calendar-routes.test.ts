import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftOf } from '../../src/domain/draft.js';
import { eventSignature } from '../../src/http/calendar-links.js';
import { eventRecord } from '../support/records.js';
import { startCorridorApp, type RunningCorridorApp } from '../support/corridor-app.js';
import { recordingLogger, type RecordingLogger } from '../support/recording-logger.js';

// The calendar key is in the feed's address: whatever a client sends there, it must not reach the log.

const KEY = 'calendar-key-0123456789abcdef';
const MEETING = 'first-official-meeting-2025-04-16';

let running: RunningCorridorApp;
let logged: RecordingLogger;
let base: string;

beforeAll(async () => {
  logged = recordingLogger();
  running = await startCorridorApp({ CALENDAR_FEED_KEY: KEY, PUBLIC_URL: 'https://corridor.example.org' }, undefined, { logger: logged });
  base = running.eventsUrl.replace('/slack/events', '');
});

afterAll(async () => {
  await running.close();
});

const feed = `/calendar.ics?key=${KEY}&lang=fr`;
const eventFile = () => `/calendar/event.ics?id=${MEETING}&sig=${eventSignature(KEY, MEETING)}&lang=en`;
const calendarHeaders = (response: Response) => ['content-type', 'content-disposition', 'cache-control'].map((name) => response.headers.get(name));

describe('the calendar addresses', () => {
  it.each([
    ['the feed', () => feed],
    ['one event', eventFile],
  ])('HEAD on %s answers the GET’s status and headers, without a body', async (_, path) => {
    const [get, head] = [await fetch(`${base}${path()}`), await fetch(`${base}${path()}`, { method: 'HEAD' })];
    expect(get.status).toBe(200);
    expect(head.status).toBe(200);
    expect(calendarHeaders(head)).toEqual(calendarHeaders(get));
    expect(calendarHeaders(head)[0]).toBe('text/calendar; charset=utf-8');
    expect(await head.text()).toBe('');
    expect((await fetch(`${base}/calendar.ics?key=not-the-key`, { method: 'HEAD' })).status).toBe(404);
  });

  it('logs a POST, OPTIONS or HEAD on them with the path alone: the key reaches no log line', async () => {
    logged.everything.length = 0;
    for (const method of ['POST', 'OPTIONS', 'HEAD', 'GET', 'PUT', 'DELETE']) {
      for (const path of [feed, eventFile()]) {
        const response = await fetch(`${base}${path}`, { method });
        expect(response.status).toBe(['HEAD', 'GET'].includes(method) ? 200 : 404);
      }
    }
    expect(logged.everything).toContain('Unhandled HTTP request (POST) made to /calendar.ics');
    expect(logged.everything).toContain('Unhandled HTTP request (OPTIONS) made to /calendar/event.ics');
    const text = logged.everything.join('\n');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(eventSignature(KEY, MEETING));
  });

  it('serves a title and a place holding control characters without them', async () => {
    const title = { fr: 'Forum\u0000 de Bromont\u001b', en: 'Bromont\u000b forum' };
    await running.store.events.save(draftOf(eventRecord('raw-forum', '2026-03-02', { title, place: 'Salle\u0007 A' })), { actor: 'U0ADMIN' });
    const text = await (await fetch(`${base}/calendar.ics?key=${KEY}`)).text();
    expect(text).toContain('Forum de Bromont / Bromont forum');
    expect(text).toContain('LOCATION:Salle A');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
