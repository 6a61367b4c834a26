import { lastFullMonth, parseReportPeriod } from '../../domain/report-period.js';
import { formatReportPeriod } from '../../i18n/format.js';
import { buildReport } from '../../reports/report-files.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { messageView } from '../views/message-view.js';
import { refusalView } from '../views/refusal-view.js';
import type { CorridorCommand } from './command.js';
import { sendToDirectMessages } from './direct-message-files.js';
import { editionOf } from './report-edition.js';

/**
 * `/corridor report [public] [period]` (`rapport`): the coordinators' report of a period (the last
 * full month by default) as the PDF and corridor.xlsx, in their direct messages: acknowledged at
 * once, built and uploaded after. The internal edition unless `public` is asked for, to hand on.
 */
export const reportCommand: CorridorCommand = {
  name: 'report',
  aliases: ['reports'],
  frenchAliases: ['rapport', 'rapports'],
  forCoordinators: true,
  help: (t) => t.reportCommand.help,
  async run(args, { isAdmin, admins, audience, t, lang, today, now, store, timeZone, userId, slack }) {
    if (!isAdmin) return refusalView(admins, t, audience);
    const { edition, rest } = editionOf(args);
    const period = rest === '' ? lastFullMonth(today) : parseReportPeriod(rest);
    if (!period) return messageView(t.reportCommand.badPeriod(escapeMrkdwn(args.trim()), t.reportCommand.help.usage));
    if (!slack) return messageView(t.reportCommand.consoleOnly);
    const periodName = formatReportPeriod(period, lang);
    const editionName = t.reportCommand.edition[edition];
    sendToDirectMessages(slack, userId, t, async () => {
      const report = await buildReport(store, { period, lang: 'both', audience: edition, now, timeZone });
      return { files: [report.pdf, report.workbook], comment: t.reportCommand.reportComment(periodName, editionName) };
    });
    return messageView(t.reportCommand.preparing(periodName, editionName));
  },
};
