import type { Audience } from '../../domain/permissions.js';
import type { ReportPeriod } from '../../domain/report-period.js';
import { formatReportPeriod } from '../../i18n/format.js';
import { catalogue } from '../../i18n/index.js';
import { context, header, section, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { channelLangs, multilingualMessage, type ChannelLang } from './channel-message.js';

/**
 * The monthly post in the channel: the period's one-paragraph summary under the report's title,
 * in the channel's languages, and a line saying the edition and that the PDF follows in the thread.
 */
export function reportPostView(summary: { fr: string; en: string }, period: ReportPeriod, setting: ChannelLang, audience: Audience): Reply {
  return multilingualMessage(channelLangs(setting), (lang) => {
    const t = catalogue(lang);
    const title = t.report.title(formatReportPeriod(period, lang));
    return {
      text: t.common.labelled(title, summary[lang]),
      blocks: [header(title), section(escapeMrkdwn(summary[lang])), context(t.reportPost.footer(t.report.edition[audience]))],
    };
  });
}

/** The comment the PDF is shared with in the thread, in the channel's languages. */
export function reportFileComment(period: ReportPeriod, setting: ChannelLang): string {
  return channelLangs(setting)
    .map((lang) => catalogue(lang).reportPost.pdfComment(formatReportPeriod(period, lang)))
    .join('\n');
}

