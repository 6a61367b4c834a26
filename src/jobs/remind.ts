import { localIsoDate } from '../domain/dates.js';
import type { Audience } from '../domain/permissions.js';
import { partnersToRemind } from '../domain/snooze.js';
import { catalogue } from '../i18n/index.js';
import type { Reply } from '../slack/blocks.js';
import { channelLangs } from '../slack/views/channel-message.js';
import { reminderView } from '../slack/views/reminder-view.js';
import type { JobDeps } from './job-deps.js';
import { requireChannel, runPostingJob, type JobResult } from './run-job.js';

type ComposeDeps = Pick<JobDeps, 'store' | 'config' | 'notionUrlFor' | 'logger' | 'lang'>;

/** The reminder as it would be posted now, for `audience`; undefined when no adhesion is pending (or all are snoozed). */
export async function composeReminder(deps: ComposeDeps, now: Date, audience: Audience): Promise<Reply | undefined> {
  const today = localIsoDate(now, deps.config.CORRIDOR_TZ);
  const [partners, snoozes] = await Promise.all([deps.store.partners.list(), deps.store.snoozes.active(today)]);
  const toRemind = partnersToRemind(partners, snoozes, today);
  const notionUrls = new Map<string, string>();
  // Notion pages are the coordinators': no link to them in a shared channel.
  if (deps.notionUrlFor && audience === 'internal') {
    for (const partner of toRemind) {
      const url = await deps.notionUrlFor(partner.id).catch((error: unknown) => {
        deps.logger.warn(catalogue(deps.lang ?? 'en').cli.log.noNotionLink(partner.id, error instanceof Error ? error.message : String(error)));
        return undefined;
      });
      if (url) notionUrls.set(partner.id, url);
    }
  }
  return reminderView({ partners: toRemind, today, notionUrls, langs: channelLangs(deps.config.CORRIDOR_CHANNEL_LANG), audience });
}

/** Posts today's reminder about pending adhesions to CORRIDOR_CHANNEL, once per day. */
export async function remind(deps: JobDeps): Promise<JobResult> {
  return runPostingJob('remind', deps, async (now) => composeReminder(deps, now, await deps.poster.audienceOf(requireChannel(deps.config))));
}
