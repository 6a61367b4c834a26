import { localIsoDate } from '../domain/dates.js';
import type { Audience } from '../domain/permissions.js';
import { lastFullMonth, parseReportPeriod } from '../domain/report-period.js';
import { buildReport } from '../reports/report-files.js';
import { reportFileComment, reportPostView } from '../slack/views/report-post-view.js';
import type { JobDeps } from './job-deps.js';
import { requireChannel, runPostingJob, type ComposedPost, type JobResult } from './run-job.js';
import { filePart } from './slack-poster.js';

/**
 * The monthly post as it would go out at `now`: the report of the last full month (or of the
 * month `key` names, a held post's), its summary in the channel, its PDF in the summary's thread,
 * in the channel's languages as other posts.
 */
export async function composeReportPost(deps: Pick<JobDeps, 'store' | 'config'>, now: Date, audience: Audience, key?: string): Promise<ComposedPost> {
  const { CORRIDOR_TZ: timeZone, CORRIDOR_CHANNEL_LANG: lang } = deps.config;
  const period = (key === undefined ? undefined : parseReportPeriod(key)) ?? lastFullMonth(localIsoDate(now, timeZone));
  const report = await buildReport(deps.store, { period, lang, audience, now, timeZone });
  const { name, bytes } = report.pdf;
  return {
    ...reportPostView(report.summary, period, lang, audience),
    thread: [{ part: filePart(name), file: { name, title: name, bytes, comment: reportFileComment(period, lang) } }],
  };
}

/** REPORT_AUDIENCE, or else the channel's: public when it is shared with other organisations. */
export async function reportAudience(deps: Pick<JobDeps, 'config' | 'poster'>): Promise<Audience> {
  return deps.config.REPORT_AUDIENCE ?? deps.poster.audienceOf(requireChannel(deps.config));
}

/** Posts last month's report to CORRIDOR_CHANNEL, once per month (the month reported is the period); `period`: a held one. */
export async function postMonthlyReport(deps: JobDeps, period?: string): Promise<JobResult> {
  return runPostingJob('report', deps, async (now) => composeReportPost(deps, now, await reportAudience(deps), period), period);
}
