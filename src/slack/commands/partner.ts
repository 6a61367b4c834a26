import { readVerb } from '../../domain/command-text.js';
import { matchPartner, namesOf, namesPartner, partnerNamedFirst } from '../../domain/partner-match.js';
import { findPeople } from '../../domain/people.js';
import { normalize } from '../../domain/text.js';
import { contactsOf, contactSummary } from '../../domain/contact-log.js';
import { partnerCardView } from '../views/partner-card-view.js';
import { partnerNotFoundView, partnerSeveralView } from '../views/partner-matches-view.js';
import { partnerButtons } from '../views/record-buttons.js';
import { messageView } from '../views/message-view.js';
import { partnerModalFor } from '../modal-loaders.js';
import type { CommandContext, CorridorCommand } from './command.js';
import { openModal, refusal } from './modal-command.js';
import type { Partner } from '../../domain/types.js';
import { context as contextBlock, LIMITS, type Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';

export const partnerCommand: CorridorCommand = {
  name: 'partner',
  aliases: ['card'],
  frenchAliases: ['partenaire', 'fiche'],
  help: (t) => t.commands.partner,
  async run(args, context) {
    if (!args.trim()) return messageView(context.t.partner.missingName);
    const [partners, people] = await Promise.all([context.store.partners.list(), context.store.people.list()]);
    const verb = readVerb(args, {
      names: (query) => partners.some((partner) => [...namesOf(partner), partner.id].map(normalize).includes(normalize(query))),
      finds: (query) => namesPartner(query, partners),
    });
    if (verb.kind === 'add') {
      if (!context.isAdmin) return refusal(context);
      return openModal(context, () => partnerModalFor(context.lang, undefined, verb.rest || undefined));
    }
    const query = verb.kind === 'edit' ? verb.rest : verb.query;
    if (verb.kind === 'edit') {
      if (!context.isAdmin) return refusal(context);
      if (!query) return messageView(context.t.partner.missingEdit);
    }
    const match = matchPartner(query, partners, people);
    if (match.kind === 'many') return partnerSeveralView(query, match.partners, context.t);
    if (match.kind === 'none') {
      // `c2mi extra words`: the card of the partner the first words name, saying what was left out.
      const named = verb.kind === 'lookup' ? partnerNamedFirst(query, partners) : undefined;
      if (named) return withLeftOut(await partnerCard(named.partner, context), context.t.partner.leftOut(escapeMrkdwn(named.leftOut)));
      const person = findPeople(query, people, () => []).kind === 'found';
      return partnerNotFoundView(query, match.suggestion, context.t, { canAdd: context.isAdmin, person });
    }
    if (verb.kind === 'edit') return openModal(context, () => partnerModalFor(context.lang, match.partner));
    return partnerCard(match.partner, context);
  },
};

/** A note under the card's header, within Slack's limit of blocks. */
function withLeftOut(card: Reply, note: string): Reply {
  const [first, ...others] = card.blocks;
  return { ...card, blocks: [first!, contextBlock(note), ...others].slice(0, LIMITS.messageBlocks) };
}

/** Entries the card shows under its contact summary. */
const CARD_CONTACTS = 3;

export async function partnerCard(partner: Partner, { store, lang, t, today, audience, isAdmin, slack }: CommandContext): Promise<Reply> {
  const [everyone, entries] = await Promise.all([store.people.list(), audience === 'internal' ? store.contacts.list() : []]);
  const people = everyone.filter((person) => person.partnerId === partner.id);
  const contactLog = { summary: contactSummary(partner.id, entries), recent: contactsOf(partner.id, entries).slice(0, CARD_CONTACTS) };
  // Buttons only where they can be clicked: in Slack, for the coordinators (never for another organisation).
  const actions = isAdmin && slack ? [partnerButtons(partner, t)] : [];
  return partnerCardView({ partner, people, lang, t, today, audience, contactLog, actions });
}
