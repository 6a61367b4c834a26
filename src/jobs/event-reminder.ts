import { addDays, localIsoDate } from '../domain/dates.js';
import { eventReminderKey, eventsTomorrow } from '../domain/event-reminders.js';
import type { CorridorEvent } from '../domain/types.js';
import type { Reply } from '../slack/blocks.js';
import { calendarLinks } from '../slack/calendar-links.js';
import { channelLangs } from '../slack/views/channel-message.js';
import { eventReminderView } from '../slack/views/event-reminder-view.js';
import type { CorridorStore } from '../store/corridor-store.js';
import type { JobConfig, JobDeps } from './job-deps.js';
import { postOnce, requireChannel, type JobResult } from './run-job.js';

/** The run-ledger job name under which event reminders are recorded. */
export const EVENT_REMINDER_JOB = 'event-reminder';

export type EventReminderResult =
  | { status: 'posted'; eventId: string; key: string; channel: string; ts: string }
  /** Posted before, or being posted by another run (in-progress). */
  | { status: 'skipped'; eventId: string; key: string; inProgress: boolean }
  | { status: 'failed'; eventId: string; key: string; error: string };

export interface EventReminder {
  event: CorridorEvent;
  /** Its record in the run ledger: the event and its date. */
  key: string;
  message: Reply;
}

/** The reminders of tomorrow's events (in CORRIDOR_TZ), as they would be posted now. */
export async function composeEventReminders(
  deps: { store: Pick<CorridorStore, 'events' | 'partners'>; config: JobConfig },
  now: Date,
): Promise<{ tomorrow: string; reminders: EventReminder[] }> {
  const today = localIsoDate(now, deps.config.CORRIDOR_TZ);
  const events = eventsTomorrow(await deps.store.events.list(), today);
  if (events.length === 0) return { tomorrow: addDays(today, 1), reminders: [] };
  const partners = new Map((await deps.store.partners.list({ includeRemoved: true })).map((partner) => [partner.id, partner]));
  const langs = channelLangs(deps.config.CORRIDOR_CHANNEL_LANG);
  return {
    tomorrow: addDays(today, 1),
    reminders: events.map((event) => ({
      event,
      key: eventReminderKey(event),
      message: eventReminderView({ event, partners, langs, calendarUrl: calendarLinks(deps.config, event.id) }),
    })),
  };
}

/**
 * Tells the channel about each event taking place tomorrow in CORRIDOR_TZ, once per event and
 * date: every reminder is claimed in the run ledger first, so running this several times a day,
 * from several processes, or again after a restart posts each reminder exactly once, and an
 * event re-dated or added later is still reminded the day before.
 */
export async function remindTomorrowsEvents(deps: JobDeps): Promise<EventReminderResult[]> {
  requireChannel(deps.config);
  const now = deps.clock();
  const { reminders } = await composeEventReminders(deps, now);
  const results: EventReminderResult[] = [];
  for (const { event, key, message } of reminders) {
    const result = await postOnce(EVENT_REMINDER_JOB, key, deps, async () => message, now);
    results.push(eventResult(event.id, result));
  }
  return results;
}

function eventResult(eventId: string, result: JobResult): EventReminderResult {
  const key = result.period;
  switch (result.status) {
    case 'posted':
      return { status: 'posted', eventId, key, channel: result.channel, ts: result.ts };
    case 'skipped':
      return { status: 'skipped', eventId, key, inProgress: result.reason === 'in-progress' };
    case 'failed':
      return { status: 'failed', eventId, key, error: result.error };
  }
}
