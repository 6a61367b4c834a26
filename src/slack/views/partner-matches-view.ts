import type { Partner } from '../../domain/types.js';
import type { Catalogue } from '../../i18n/index.js';
import { context, fitBlocks, lineSections, section, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { partnerLine, partnerName } from './partner-text.js';

export function partnerSeveralView(typed: string, partners: Partner[], t: Catalogue): Reply {
  const intro = t.partner.several(escapeMrkdwn(typed), partners.length);
  const lines = partners.map((partner) => partnerLine(partner, t));
  return {
    text: `${intro} ${partners.map(partnerName).join(', ')}`,
    blocks: fitBlocks([section(intro), ...lineSections(lines), context(t.partner.pickOne)], t.common.andMore),
  };
}

/**
 * Nothing found: the person the text names (`person welch`), else the closest partner's name if
 * any; the list, and for coordinators how to add the partner.
 */
export function partnerNotFoundView(typed: string, suggestion: Partner | undefined, t: Catalogue, { canAdd = false, person = false } = {}): Reply {
  const said = t.partner.notFound(escapeMrkdwn(typed));
  const personCommand = `${t.commands.person.usage.split(' ')[0]} ${escapeMrkdwn(typed)}`;
  const hint = person ? t.partner.isPerson(personCommand) : suggestion ? t.partner.didYouMean(partnerName(suggestion)) : t.partner.listAll;
  const notes = [...(person || suggestion ? [t.partner.listAll] : []), ...(canAdd ? [t.partner.addHint] : [])];
  return { text: `${said} ${hint}`, blocks: [section(`${said} ${hint}`), ...(notes.length > 0 ? [context(notes.join(' '))] : [])] };
}
