import { renderSyncSummaryBlocks, renderSyncSummaryText } from '../../notion/sync-summary.js';
import type { Reply } from '../blocks.js';
import { refusalView } from '../views/refusal-view.js';
import { messageView } from '../views/unknown-command-view.js';
import type { CorridorCommand } from './command.js';

/** `/corridor sync`: runs the Notion sync now (admins only) and shows its summary. */
export const syncCommand: CorridorCommand = {
  name: 'sync',
  aliases: ['synchro', 'synchroniser', 'synchronisation', 'notion'],
  help: (t) => t.commands.sync,
  async run(_args, { notion, isAdmin, admins, lang, t, slack, userId }) {
    if (!isAdmin) return refusalView(admins, t);
    if (!notion || !notion.configured) {
      return messageView(notion ? notion.notConfigured[lang] : t.notion.errors.notConfigured('NOTION_TOKEN, NOTION_PARTNERS_DATABASE_ID, NOTION_ACTIONS_DATABASE_ID'));
    }
    const summaryReply = (summary: Awaited<ReturnType<typeof notion.run>>): Reply => ({
      text: renderSyncSummaryText(summary, lang),
      blocks: renderSyncSummaryBlocks(summary, lang),
    });
    if (!slack) return summaryReply(await notion.run());
    // A sync at Notion's pace takes longer than Slack's 3 s: acknowledge now, post the summary after.
    void notion
      .run()
      .then((summary) => slack.client.chat.postEphemeral({ channel: slack.channelId, user: userId, ...summaryReply(summary) }))
      .catch(() => {
        // The summary could not be posted (channel gone, app removed): the sync itself is done.
      });
    return messageView(t.notion.summary.started);
  },
};
