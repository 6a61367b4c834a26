import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';

/** A message as Slack holds it now: what an update in place starts from. */
export interface HeldMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Reads one message back (conversations.replies finds it in its thread too, and in a direct
 * message with im:history), so an update in place keeps what others changed meanwhile.
 */
export async function messageAt(client: WebClient, channelId: string, ts: string): Promise<HeldMessage | undefined> {
  const thread = await client.conversations.replies({ channel: channelId, ts, inclusive: true, limit: 200 });
  const message = thread.messages?.find((candidate) => candidate.ts === ts);
  return message ? { text: message.text ?? '', blocks: (message.blocks ?? []) as KnownBlock[] } : undefined;
}
