import type { Catalogue } from '../../i18n/index.js';
import { context, section, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';

/** A short help: what was not understood, the likely intended command (or the help), and the command names. */
export function unknownCommandView(typed: string, suggestion: string, commandNames: string[], t: Catalogue): Reply {
  const said = t.unknownCommand.text(escapeMrkdwn(typed));
  const hint = t.unknownCommand.didYouMean(escapeMrkdwn(suggestion));
  return {
    text: `${said} ${hint}`,
    blocks: [
      section(`${said} ${hint}`),
      section(t.unknownCommand.available(commandNames.map((name) => `\`${name}\``).join(' · '))),
      context(t.unknownCommand.seeHelp),
    ],
  };
}
