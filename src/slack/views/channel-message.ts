import type { KnownBlock } from '@slack/types';
import type { Lang } from '../../i18n/index.js';
import { divider, LIMITS, withShortText, type Reply } from '../blocks.js';

/** CORRIDOR_CHANNEL_LANG: which languages a channel post is written in. */
export type ChannelLang = 'fr' | 'en' | 'both';

/** French first, then English. */
export function channelLangs(setting: ChannelLang): Lang[] {
  return setting === 'both' ? ['fr', 'en'] : [setting];
}

/**
 * One message in several languages, one after the other, within Slack's block limit in total:
 * each language is rendered with the blocks the previous ones left, less a divider between them.
 */
export function multilingualMessage(
  langs: readonly Lang[],
  render: (lang: Lang, maxBlocks: number) => Reply,
  maxBlocks: number = LIMITS.messageBlocks,
): Reply {
  const blocks: KnownBlock[] = [];
  const texts: string[] = [];
  langs.forEach((lang, index) => {
    const left = langs.length - index;
    const separator = index > 0 ? 1 : 0;
    const available = maxBlocks - blocks.length - separator;
    // Leave the languages still to come their share of what is left.
    const share = left === 1 ? available : Math.floor((maxBlocks - blocks.length - (left - 1)) / left) - separator;
    const reply = render(lang, share);
    if (separator) blocks.push(divider());
    blocks.push(...reply.blocks.slice(0, share));
    texts.push(reply.text);
  });
  return withShortText({ text: texts.join('\n'), blocks });
}
