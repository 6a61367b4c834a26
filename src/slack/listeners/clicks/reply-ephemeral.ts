import type { Reply } from '../../blocks.js';
import type { Click, ClickArgs } from './click.js';

/** Answers the one who clicked in a channel message with blocks, without touching the shared message. */
export async function replyEphemeral(args: ClickArgs, click: Click, reply: Reply): Promise<void> {
  if (args.body.response_url) {
    await args.respond({ response_type: 'ephemeral', replace_original: false, text: reply.text, blocks: reply.blocks });
  } else if (click.channelId) {
    await args.client.chat.postEphemeral({ channel: click.channelId, user: click.userId, text: reply.text, blocks: reply.blocks });
  }
}
