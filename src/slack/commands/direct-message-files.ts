import type { ReportFile } from '../../reports/report-files.js';
import type { Catalogue } from '../../i18n/index.js';
import { describeSlackError, slackErrorCode } from '../slack-error.js';
import { messageView } from '../views/message-view.js';
import type { CommandContext } from './command.js';

export interface FilesToSend {
  files: readonly ReportFile[];
  /** The message the files are shared with. */
  comment: string;
}

/**
 * After the acknowledgement: builds the files and shares them in the asker's direct messages with
 * the bot (conversations.open, then files.uploadV2), never in the channel the command came from,
 * which may be shared with other organisations. The user is told through the command's
 * response_url once they are there, or that they could not be (the reason logged); never throws.
 */
export function sendToDirectMessages(slack: NonNullable<CommandContext['slack']>, userId: string, t: Catalogue, build: () => Promise<FilesToSend>): void {
  void (async () => {
    try {
      const { files, comment } = await build();
      const opened = await slack.client.conversations.open({ users: userId });
      const channel = opened.channel?.id;
      if (!channel) throw new Error('conversations.open named no conversation');
      await slack.client.files.uploadV2({
        channel_id: channel,
        initial_comment: comment,
        file_uploads: files.map((file) => ({ file: file.bytes, filename: file.name, title: file.name })),
      });
      await slack.respondLater(messageView(t.reportCommand.delivered));
    } catch (error) {
      slack.logger.warn(`Could not send files to ${userId}'s direct messages: ${describeSlackError(error)}`);
      await slack.respondLater(messageView(t.reportCommand.notDelivered(slackErrorCode(error) ?? 'error')));
    }
  })();
}
