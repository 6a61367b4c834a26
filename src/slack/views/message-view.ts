import { section, type Reply } from '../blocks.js';

/** One line of mrkdwn as a message: the same text in the blocks and in the notification. */
export function messageView(text: string): Reply {
  return { text, blocks: [section(text)] };
}
