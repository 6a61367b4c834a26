import { randomBytes } from 'node:crypto';
import { contactId, parseLogArguments } from '../../domain/contact-log.js';
import { matchPartner } from '../../domain/partner-match.js';
import { CONTACT_TEXT_MAX, type ContactEntry, type Draft } from '../../domain/types.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { contactLogView } from '../views/contact-log-view.js';
import { messageView } from '../views/message-view.js';
import { partnerNotFoundView, partnerSeveralView } from '../views/partner-matches-view.js';
import type { CorridorCommand } from './command.js';
import { refusal } from './modal-command.js';

/**
 * `/corridor log venture lab: Call with their legal counsel` adds an entry to the partner's contact
 * log; `/corridor log venture lab` lists it. Internal only: colleagues read it, coordinators write it.
 */
export const contactLogCommand: CorridorCommand = {
  name: 'log',
  aliases: ['contact-log', 'contacted'],
  frenchAliases: ['suivi', 'suivis'],
  forCoordinators: true,
  help: (t) => t.commands.log,
  async run(args, context) {
    const { t, lang, audience, isAdmin, store, today, userId } = context;
    if (audience === 'public') return refusal(context);
    const request = parseLogArguments(args);
    if (request.kind === 'incomplete') return messageView(t.contactLog.incomplete);
    if (request.kind === 'add' && !isAdmin) return refusal(context);
    if (request.kind === 'add' && request.entry.text.length > CONTACT_TEXT_MAX) return messageView(t.contactLog.tooLong(CONTACT_TEXT_MAX));
    const [partners, people] = await Promise.all([store.partners.list(), store.people.list()]);
    const match = matchPartner(request.partnerQuery, partners, people);
    if (match.kind === 'many') return partnerSeveralView(request.partnerQuery, match.partners, t);
    if (match.kind === 'none') return partnerNotFoundView(request.partnerQuery, match.suggestion, t);
    const { partner } = match;
    if (request.kind === 'list') return contactLogView(partner, await store.contacts.list(), lang, t);
    const draft: Draft<ContactEntry> = {
      id: contactId(partner.id, today, randomBytes(4).toString('hex')),
      partnerId: partner.id,
      on: today,
      author: userId,
      ...request.entry,
    };
    await store.contacts.save(draft, { actor: userId, now: context.now });
    const view = contactLogView(partner, await store.contacts.list(), lang, t);
    return { text: t.contactLog.saved(escapeMrkdwn(partner.name)), blocks: [...messageView(t.contactLog.saved(escapeMrkdwn(partner.name))).blocks, ...view.blocks] };
  },
};
