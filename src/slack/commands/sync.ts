import { alreadyRunningText, type SyncSummary } from '../../notion/sync-summary.js';
import type { Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { refusalView } from '../views/refusal-view.js';
import { renderSyncSummaryBlocks, renderSyncSummaryFallback } from '../views/sync-summary-view.js';
import { messageView } from '../views/message-view.js';
import type { CorridorCommand } from './command.js';

/** `/corridor sync`: runs the Notion sync now (admins only) and shows its summary. */
export const syncCommand: CorridorCommand = {
  name: 'sync',
  aliases: ['notion'],
  frenchAliases: ['synchro', 'synchroniser', 'synchronisation'],
  forCoordinators: true,
  help: (t) => t.commands.sync,
  async run(_args, { notion, isAdmin, audience, admins, lang, t, slack }) {
    if (!isAdmin) return refusalView(admins, t, audience);
    if (!notion || !notion.configured) {
      return messageView(notion ? notion.notConfigured[lang] : t.notion.errors.notConfigured('NOTION_TOKEN, NOTION_PARTNERS_DATABASE_ID, NOTION_ACTIONS_DATABASE_ID'));
    }
    const summaryReply = (summary: SyncSummary): Reply => ({
      text: renderSyncSummaryFallback(summary, lang),
      blocks: renderSyncSummaryBlocks(summary, lang),
    });
    const started = await notion.start();
    // Another replica is syncing: say so rather than start a second sync.
    if (started.status === 'busy') return messageView(escapeMrkdwn(alreadyRunningText(started.running, lang)));
    if (!slack) return summaryReply(await started.done);
    // A sync at Notion's pace takes longer than Slack's 3 s: acknowledge now, answer with the summary after.
    void started.done.then(
      (summary) => slack.respondLater(summaryReply(summary)),
      (error: unknown) => slack.respondLater(slack.reportedError('/corridor sync', error)),
    );
    return messageView(t.notion.summary.started);
  },
};
