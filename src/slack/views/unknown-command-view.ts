import type { Catalogue } from '../../i18n/index.js';
import { context, section, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';

/** A short help: what was not understood, the likely intended command, and the command names. */
export function unknownCommandView(typed: string, suggestion: string | undefined, commandNames: string[], t: Catalogue): Reply {
  const said = t.unknownCommand.text(escapeMrkdwn(typed));
  const hint = suggestion ? t.unknownCommand.didYouMean(suggestion) : '';
  return {
    text: [said, hint].filter(Boolean).join(' '),
    blocks: [
      section([said, hint].filter(Boolean).join(' ')),
      section(t.unknownCommand.available(commandNames.map((name) => `\`${name}\``).join(' · '))),
      context(t.unknownCommand.seeHelp),
    ],
  };
}
