import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../blocks.js';

interface EphemeralTarget {
  respond: RespondFn;
  client: WebClient;
  responseUrl: string | undefined;
  channelId: string | undefined;
  userId: string;
}

/** Answers the one who clicked, without touching the shared message. */
export async function replyEphemeral(target: EphemeralTarget, reply: Reply): Promise<void> {
  if (target.responseUrl) {
    await target.respond({ response_type: 'ephemeral', replace_original: false, text: reply.text, blocks: reply.blocks });
  } else if (target.channelId) {
    await target.client.chat.postEphemeral({ channel: target.channelId, user: target.userId, text: reply.text, blocks: reply.blocks });
  }
}
