import { localIsoDate } from '../domain/dates.js';
import type { Audience } from '../domain/permissions.js';
import { isoWeekKey } from '../domain/periods.js';
import { partnersToRemind } from '../domain/snooze.js';
import type { Partner } from '../domain/types.js';
import { catalogue } from '../i18n/index.js';
import { channelLangs } from '../slack/views/channel-message.js';
import { reminderView } from '../slack/views/reminder-view.js';
import type { JobDeps } from './job-deps.js';
import { requireChannel, runPostingJob, type ComposedPost, type JobResult } from './run-job.js';

type ComposeDeps = Pick<JobDeps, 'store' | 'config' | 'notionUrlFor' | 'logger' | 'lang'>;

/**
 * The reminder as it would be posted now: a summary line per adhesion in the channel, details and
 * buttons in its thread. A follow-up owner is @-mentioned once a week per adhesion: the mentions
 * are remembered once the post is out. `audience` is `public` in a channel shared with other
 * organisations. Undefined when nothing is pending (or all are snoozed).
 */
export async function composeReminder(deps: ComposeDeps, now: Date, audience: Audience): Promise<ComposedPost | undefined> {
  const today = localIsoDate(now, deps.config.CORRIDOR_TZ);
  const week = isoWeekKey(today);
  const [partners, snoozes, mentions, contacts] = await Promise.all([
    deps.store.partners.list(),
    deps.store.snoozes.active(today),
    deps.store.mentions.inWeek(week),
    // The contact log is the coordinators': a shared channel reads none of it.
    audience === 'internal' ? deps.store.contacts.list() : [],
  ]);
  const toRemind = partnersToRemind(partners, snoozes, today);
  const alreadyTold = new Set(mentions.map((mention) => `${mention.partnerId} ${mention.userId}`));
  // Follow-up owners are the coordinators' side: a shared channel neither names nor pings them.
  const toMention =
    audience === 'internal' ? toRemind.filter((partner) => partner.followUpUserId && !alreadyTold.has(`${partner.id} ${partner.followUpUserId}`)) : [];
  const post = reminderView({
    partners: toRemind,
    today,
    // Notion pages are the coordinators': no link to them in a shared channel.
    notionUrls: audience === 'internal' ? await notionUrls(deps, toRemind) : new Map(),
    langs: channelLangs(deps.config.CORRIDOR_CHANNEL_LANG),
    mentioned: new Set(toMention.map((partner) => partner.id)),
    audience,
    contacts,
  });
  if (!post) return undefined;
  return {
    ...post.summary,
    thread: [{ part: 'details', reply: post.details }],
    afterPosted: () =>
      deps.store.mentions.record(
        week,
        toMention.map((partner) => ({ partnerId: partner.id, userId: partner.followUpUserId! })),
        now,
      ),
  };
}

async function notionUrls(deps: ComposeDeps, partners: readonly Partner[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  if (!deps.notionUrlFor) return urls;
  for (const partner of partners) {
    const url = await deps.notionUrlFor(partner.id).catch((error: unknown) => {
      deps.logger.warn(catalogue(deps.lang ?? 'en').cli.log.noNotionLink(partner.id, error instanceof Error ? error.message : String(error)));
      return undefined;
    });
    if (url) urls.set(partner.id, url);
  }
  return urls;
}

/**
 * Posts the reminder about pending adhesions to CORRIDOR_CHANNEL, once per period (a day, or the
 * week of a weekly REMINDER_CRON); `period`: a held one (see runPostingJob).
 */
export async function remind(deps: JobDeps, period?: string): Promise<JobResult> {
  return runPostingJob('remind', deps, async (now) => composeReminder(deps, now, await deps.poster.audienceOf(requireChannel(deps.config))), period);
}
