import type { Catalogue } from '../../i18n/index.js';
import { context, section, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';

export function unknownCommandView(typed: string, suggestion: string | undefined, t: Catalogue): Reply {
  const said = t.unknownCommand.text(escapeMrkdwn(typed));
  const hint = suggestion ? t.unknownCommand.didYouMean(suggestion) : '';
  return {
    text: [said, hint].filter(Boolean).join(' '),
    blocks: [section([said, hint].filter(Boolean).join(' ')), context(t.unknownCommand.seeHelp)],
  };
}

export function messageView(text: string): Reply {
  return { text, blocks: [section(text)] };
}
