import type { KnownBlock } from '@slack/types';
import { eventReminderKey, eventsTomorrow } from '../domain/event-reminders.js';
import { localDate } from '../i18n/format.js';
import type { CorridorStore } from '../store/repository.js';
import { channelLangs } from '../slack/views/channel-message.js';
import { eventReminderView } from '../slack/views/event-reminder-view.js';

/*
 * Not scheduled yet: the scheduler and the SQLite run ledger live on the jobs branch. To wire it,
 * add EVENT_REMINDER_JOB to the scheduler's jobs (with its own cron, e.g. hourly: each reminder is
 * claimed per event and date, so extra runs post nothing twice) and pass the store's run ledger and
 * the Slack poster as `ledger` and `poster`; their shapes match the interfaces below.
 */

/** The run-ledger job name under which event reminders are recorded. */
export const EVENT_REMINDER_JOB = 'event-reminder';

/** A crashed run's claim is taken over after this (as for the other scheduled posts). */
const DEFAULT_STALE_CLAIM_MS = 15 * 60 * 1000;

/**
 * What the reminder needs from the exactly-once run ledger: claim a key before posting, then record
 * the outcome. A key that is done is never claimed again; a failed one may be retried.
 */
export interface ReminderLedger<Claim> {
  claim(job: string, period: string, options: { owner: string; now: Date; staleAfterMs: number }): Promise<Claim | undefined>;
  complete(claim: Claim, result: { channel: string; messageTs: string; now: Date }): Promise<boolean>;
  fail(claim: Claim, error: string, now: Date): Promise<boolean>;
}

export type PostOutcome = { ok: true; channel: string; ts: string } | { ok: false; error: string; hint: string };

/** Posts one message to a channel, describing Slack's refusals instead of throwing. */
export interface ReminderPoster {
  post(message: { channel: string; text: string; blocks: KnownBlock[] }): Promise<PostOutcome>;
}

export interface EventReminderDeps<Claim> {
  store: Pick<CorridorStore, 'events' | 'partners'>;
  ledger: ReminderLedger<Claim>;
  poster: ReminderPoster;
  clock: () => Date;
  config: { CORRIDOR_CHANNEL?: string; CORRIDOR_CHANNEL_LANG: 'fr' | 'en' | 'both'; CORRIDOR_TZ: string };
  /** Names this process in the ledger. */
  owner: string;
  staleClaimMs?: number;
}

export type EventReminderResult =
  | { status: 'posted'; eventId: string; key: string; ts: string }
  | { status: 'skipped'; eventId: string; key: string }
  | { status: 'failed'; eventId: string; key: string; error: string };

/**
 * Tells the channel about each event taking place tomorrow in CORRIDOR_TZ, once per event and
 * date: every reminder is claimed in the run ledger first, so running this several times a day,
 * from several processes, or again after a restart posts each reminder exactly once.
 */
export async function remindTomorrowsEvents<Claim>(deps: EventReminderDeps<Claim>): Promise<EventReminderResult[]> {
  const channel = deps.config.CORRIDOR_CHANNEL;
  if (!channel) throw new Error('CORRIDOR_CHANNEL: required to post event reminders (a channel ID such as C0123456789)');
  const now = deps.clock();
  const events = eventsTomorrow(await deps.store.events.list(), localDate(now, deps.config.CORRIDOR_TZ));
  if (events.length === 0) return [];
  const partners = new Map((await deps.store.partners.list({ includeRemoved: true })).map((partner) => [partner.id, partner]));
  const langs = channelLangs(deps.config.CORRIDOR_CHANNEL_LANG);
  const results: EventReminderResult[] = [];
  for (const event of events) {
    const key = eventReminderKey(event);
    const claim = await deps.ledger.claim(EVENT_REMINDER_JOB, key, { owner: deps.owner, now, staleAfterMs: deps.staleClaimMs ?? DEFAULT_STALE_CLAIM_MS });
    if (claim === undefined) {
      results.push({ status: 'skipped', eventId: event.id, key });
      continue;
    }
    const message = eventReminderView({ event, partners, langs });
    const outcome = await deps.poster.post({ channel, text: message.text, blocks: message.blocks }).catch(
      (error: unknown): PostOutcome => ({ ok: false, error: error instanceof Error ? error.message : String(error), hint: '' }),
    );
    if (outcome.ok) {
      await deps.ledger.complete(claim, { channel: outcome.channel, messageTs: outcome.ts, now: deps.clock() });
      results.push({ status: 'posted', eventId: event.id, key, ts: outcome.ts });
    } else {
      await deps.ledger.fail(claim, `${outcome.error}: ${outcome.hint}`, deps.clock());
      results.push({ status: 'failed', eventId: event.id, key, error: outcome.error });
    }
  }
  return results;
}
