import type { Catalogue } from '../../i18n/index.js';
import { context, header, lineSections, section, type Reply } from '../blocks.js';
import type { CorridorCommand, HelpLine } from '../commands/command.js';

/**
 * The help: what anyone may ask; then, to coordinators only, what they may change. Other
 * organisations, guests and colleagues who are not coordinators never read a line they could not use.
 */
export function helpView(commands: readonly CorridorCommand[], t: Catalogue, isCoordinator: boolean): Reply {
  const listed = commands.filter((command) => !command.hidden);
  const everyone = listed.filter((command) => !command.forCoordinators).map((command) => command.help(t));
  const coordinators = isCoordinator ? coordinatorLines(listed, t) : [];
  const examples = [...everyone, ...coordinators].flatMap((line) => line.examples ?? []).map((example) => `\`/corridor ${example}\``);
  const bullet = (line: HelpLine) => `• ${t.help.usageLine(line.usage, line.description)}`;
  return {
    text: t.help.title,
    blocks: [
      header(t.help.title),
      section(t.help.intro),
      ...lineSections(everyone.map(bullet)),
      ...(coordinators.length ? lineSections([`*${t.help.coordinatorsTitle}*`, ...coordinators.map(bullet)]) : []),
      ...(examples.length ? [section(`*${t.help.examplesTitle}*\n${examples.join('   ')}`)] : []),
      context(t.help.otherLanguage),
    ],
  };
}

/** The coordinators' part of each command, then their own commands. */
function coordinatorLines(listed: readonly CorridorCommand[], t: Catalogue): HelpLine[] {
  const manage = listed.flatMap((command) => (command.forCoordinators ? [] : (command.help(t).manage ?? [])));
  const own = listed.filter((command) => command.forCoordinators).map((command) => command.help(t));
  return [...manage, ...own];
}
