import type { Catalogue } from '../../i18n/index.js';
import { context, header, section, type Reply } from '../blocks.js';
import type { CorridorCommand } from '../commands/command.js';

export function helpView(commands: readonly CorridorCommand[], t: Catalogue): Reply {
  const listed = commands.filter((command) => !command.hidden);
  const lines = listed.map((command) => {
    const { usage, description } = command.help(t);
    return `• ${t.help.usageLine(usage, description)}`;
  });
  const examples = listed.flatMap((command) => command.help(t).examples ?? []).map((example) => `\`/corridor ${example}\``);
  return {
    text: t.help.title,
    blocks: [
      header(t.help.title),
      section(t.help.intro),
      section(lines.join('\n')),
      ...(examples.length ? [section(`*${t.help.examplesTitle}*\n${examples.join('   ')}`)] : []),
      context(t.help.otherLanguage),
    ],
  };
}
