import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { z } from 'zod';
import type { Config } from '../config/env.js';
import { buildICalendar } from '../domain/icalendar.js';
import type { CorridorEvent, Person } from '../domain/types.js';
import { catalogue, type Lang } from '../i18n/index.js';
import type { CorridorStore } from '../store/corridor-store.js';
import { EVENT_FILE_PATH, eventSignature, FEED_PATH, sameSecret } from './calendar-links.js';

type CalendarRouteConfig = Pick<Config, 'CALENDAR_FEED_KEY' | 'CORRIDOR_TZ' | 'CORRIDOR_CHANNEL_LANG'>;

/** Each parameter once at most; `lang` is read only once the key or signature was right. */
const single = z.string().optional();
const langParameter = z.enum(['fr', 'en']).optional();

/**
 * GET (or HEAD) /calendar.ics?key=CALENDAR_FEED_KEY[&lang=fr|en]: every event not removed (cancelled ones
 * marked so), for calendar apps to subscribe to. GET /calendar/event.ics?id=…&sig=…[&lang=…]: one
 * event, from its *Add to calendar* link. A wrong or missing key or signature, or no
 * CALENDAR_FEED_KEY at all, gets the same 404 as any unknown address, and no data.
 */
type CalendarStore = Pick<CorridorStore, 'events' | 'people'>;

export function calendarRoutes(config: CalendarRouteConfig, store: CalendarStore): CustomRoute[] {
  const serve = (handler: (req: IncomingMessage, res: ServerResponse, key: string) => Promise<void>) => (req: IncomingMessage, res: ServerResponse) => {
    const key = config.CALENDAR_FEED_KEY;
    if (!key) return notFound(res);
    handler(req, res, key).catch(() => plain(res, 500, 'calendar unavailable'));
  };
  return [
    // HEAD answers GET's headers (Node sends no body to a HEAD), as calendar apps and link checkers expect.
    { path: FEED_PATH, method: ['GET', 'HEAD'], handler: serve((req, res, key) => feed(req, res, key, config, store)) },
    { path: EVENT_FILE_PATH, method: ['GET', 'HEAD'], handler: serve((req, res, key) => oneEvent(req, res, key, config, store)) },
  ];
}

/**
 * The feed carries no e-mail: one key serves every subscriber, and its address may sit in the
 * calendars of other organisations' people, who read the public view.
 */
async function feed(req: IncomingMessage, res: ServerResponse, key: string, config: CalendarRouteConfig, store: CalendarStore) {
  const query = queryOf(req);
  const given = query('key');
  if (given === undefined || !sameSecret(given, key)) return notFound(res);
  const lang = langParameter.safeParse(query('lang'));
  if (!lang.success) return plain(res, 400, 'lang: expected fr or en');
  sendCalendar(res, await store.events.list(), lang.data ?? config.CORRIDOR_CHANNEL_LANG, config, 'corridor.ics');
}

/** One event; its invitees' e-mails only through an internal link (see eventSignature). */
async function oneEvent(req: IncomingMessage, res: ServerResponse, key: string, config: CalendarRouteConfig, store: CalendarStore) {
  const query = queryOf(req);
  const [id, sig] = [query('id'), query('sig')];
  if (!id || sig === undefined) return notFound(res);
  // Both compared whatever the first gives, in constant time.
  const [isPublic, isInternal] = [sameSecret(sig, eventSignature(key, id)), sameSecret(sig, eventSignature(key, id, 'internal'))];
  if (!isPublic && !isInternal) return notFound(res);
  const lang = langParameter.safeParse(query('lang'));
  if (!lang.success) return plain(res, 400, 'lang: expected fr or en');
  const event = await store.events.get(id);
  if (!event || event.removedAt !== null) return notFound(res);
  const people = isInternal ? await store.people.list({ includeRemoved: true }) : undefined;
  sendCalendar(res, [event], lang.data ?? config.CORRIDOR_CHANNEL_LANG, config, `${event.id}.ics`, people);
}

function sendCalendar(res: ServerResponse, events: CorridorEvent[], lang: Lang | 'both', config: CalendarRouteConfig, file: string, people?: Person[]): void {
  const name = lang === 'both' ? `${catalogue('fr').calendar.name} / ${catalogue('en').calendar.name}` : catalogue(lang).calendar.name;
  const text = buildICalendar({ events, timeZone: config.CORRIDOR_TZ, lang, name, people });
  res.writeHead(200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="${file}"`,
    // The key is in the address: keep the answer out of shared caches.
    'cache-control': 'private, no-cache',
  });
  res.end(text);
}

/** Reads a query parameter; a repeated one counts as absent (which key would win is not for us to guess). */
function queryOf(req: IncomingMessage): (name: string) => string | undefined {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  return (name) => {
    const values = params.getAll(name);
    return single.parse(values.length === 1 ? values[0] : undefined);
  };
}

function notFound(res: ServerResponse): void {
  plain(res, 404, 'not found');
}

function plain(res: ServerResponse, status: number, line: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${line}\n`);
}
