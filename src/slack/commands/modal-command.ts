import type { ModalView } from '@slack/types';
import type { Reply } from '../blocks.js';
import { refusalView } from '../views/refusal-view.js';
import { messageView } from '../views/message-view.js';
import type { CommandContext } from './command.js';

export function refusal(context: CommandContext): Reply {
  return refusalView(context.admins, context.t, context.audience);
}

/** Opens a modal from a slash command; the console, which has no Slack, says it needs Slack. */
export async function openModal(context: CommandContext, build: () => Promise<ModalView> | ModalView): Promise<Reply | undefined> {
  if (!context.slack) return messageView(context.t.console.slackOnly);
  await context.slack.openModal(build, context.t.common.modalUnavailable);
  return undefined;
}
