import { addDays, localIsoDate } from '../domain/dates.js';
import { dayReminderKey, eventReminderKey, eventsTomorrow, followUpKey } from '../domain/event-reminders.js';
import type { CorridorEvent } from '../domain/types.js';
import type { Reply } from '../slack/blocks.js';
import type { Lang } from '../i18n/index.js';
import { eventCalendarUrl } from '../http/calendar-links.js';
import { channelLangs } from '../slack/views/channel-message.js';
import { eventReminderView } from '../slack/views/event-reminder-view.js';
import type { CorridorStore } from '../store/corridor-store.js';
import type { RunLedger } from '../store/run-ledger.js';
import type { JobConfig, JobDeps } from './job-deps.js';
import { claimPeriod } from './period-claim.js';
import { postOnce, requireChannel, type JobResult } from './run-job.js';

/** The run-ledger job name under which event reminders are recorded. */
export const EVENT_REMINDER_JOB = 'event-reminder';

export type EventReminderResult =
  | { status: 'posted'; eventIds: string[]; key: string; channel: string; ts: string }
  /** Posted before, or being posted by another run (in-progress). */
  | { status: 'skipped'; eventIds: string[]; key: string; inProgress: boolean }
  | { status: 'failed'; eventIds: string[]; key: string; error: string };

export interface EventReminder {
  /** The events the message reminds: tomorrow's, less those an earlier message reminded. */
  events: CorridorEvent[];
  /** Its record in the run ledger: the day, or the day and the events of a follow-up message. */
  key: string;
  message: Reply;
}

/** Tomorrow's events (in CORRIDOR_TZ) not reminded yet, as the one message that would be posted now. */
export async function composeEventReminders(
  deps: { store: Pick<CorridorStore, 'events' | 'partners'>; ledger: Pick<RunLedger, 'get'>; config: JobConfig },
  now: Date,
): Promise<{ tomorrow: string; tomorrows: CorridorEvent[]; reminder: EventReminder | undefined }> {
  const today = localIsoDate(now, deps.config.CORRIDOR_TZ);
  const tomorrow = addDays(today, 1);
  const tomorrows = eventsTomorrow(await deps.store.events.list(), today);
  const records = await Promise.all(tomorrows.map((event) => deps.ledger.get(EVENT_REMINDER_JOB, eventReminderKey(event))));
  const events = tomorrows.filter((_, index) => records[index]?.state !== 'done');
  if (events.length === 0) return { tomorrow, tomorrows, reminder: undefined };
  const day = await deps.ledger.get(EVENT_REMINDER_JOB, dayReminderKey(tomorrow));
  const finished = day?.state === 'done' || day?.state === 'skipped';
  const key = finished ? followUpKey(tomorrow, events.map((event) => event.id)) : dayReminderKey(tomorrow);
  const partners = new Map((await deps.store.partners.list({ includeRemoved: true })).map((partner) => [partner.id, partner]));
  const langs = channelLangs(deps.config.CORRIDOR_CHANNEL_LANG);
  const calendarUrl = (eventId: string, lang: Lang) => eventCalendarUrl(deps.config, eventId, lang);
  const message = eventReminderView({ events, partners, langs, calendarUrl });
  return { tomorrow, tomorrows, reminder: { events, key, message } };
}

/**
 * Tells the channel about the events taking place tomorrow in CORRIDOR_TZ, in one message for the
 * day, exactly once: the message is claimed in the run ledger first, and once posted each event it
 * reminds is recorded under its ID and date. Running this several times a day, from several
 * processes, or again after a restart posts each event once; an event added or re-dated to
 * tomorrow after the day's message went out comes in a follow-up message.
 */
export async function remindTomorrowsEvents(deps: JobDeps): Promise<EventReminderResult[]> {
  requireChannel(deps.config);
  const now = deps.clock();
  const { tomorrows, tomorrow, reminder } = await composeEventReminders(deps, now);
  if (tomorrows.length === 0) return [];
  const eventIds = (reminder?.events ?? tomorrows).map((event) => event.id);
  if (!reminder) return [{ status: 'skipped', eventIds, key: dayReminderKey(tomorrow), inProgress: false }];
  const result = await postOnce(
    EVENT_REMINDER_JOB,
    reminder.key,
    deps,
    async () => ({ ...reminder.message, afterPosted: (posted) => recordReminded(deps, reminder.events, posted, now) }),
    now,
  );
  return [eventResult(eventIds, result)];
}

/** Each event the message reminded, recorded under its ID and date: no later message names it again. */
async function recordReminded(deps: JobDeps, events: readonly CorridorEvent[], posted: { channel: string; ts: string }, now: Date): Promise<void> {
  for (const event of events) {
    const attempt = await claimPeriod(EVENT_REMINDER_JOB, eventReminderKey(event), deps, now);
    if ('claim' in attempt) await deps.ledger.complete(attempt.claim, { channel: posted.channel, messageTs: posted.ts, now: deps.clock() });
  }
}

function eventResult(eventIds: string[], result: JobResult): EventReminderResult {
  const key = result.period;
  switch (result.status) {
    case 'posted':
      return { status: 'posted', eventIds, key, channel: result.channel, ts: result.ts };
    case 'skipped':
      return { status: 'skipped', eventIds, key, inProgress: result.reason === 'in-progress' };
    case 'failed':
      return { status: 'failed', eventIds, key, error: result.error };
  }
}
