import { applyPartnerFilter, partnerFilterArgument } from '../../domain/partner-filter.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { context as contextBlock, truncate } from '../blocks.js';
import { messageView } from '../views/message-view.js';
import { pendingView } from '../views/pending-view.js';
import type { CorridorCommand } from './command.js';
import { listPage } from './list-page.js';
import { filterLabel } from './partners.js';

/** How much of the words left out the answer repeats. */
const MAX_IGNORED_ECHO = 200;

/** `/corridor pending [province | state | country]`: the adhesions still pending, where each stands. */
export const pendingCommand: CorridorCommand = {
  name: 'pending',
  aliases: ['adhesions', 'adhesion'],
  frenchAliases: ['attente', 'en-attente'],
  help: (t) => t.commands.pending,
  async run(typed, context) {
    const { store, lang, t, today, audience } = context;
    const page = listPage(typed, t.commands.pending, context);
    if ('answer' in page) return page.answer;
    const args = page.rest;
    const [partners, snoozes, contacts] = await Promise.all([
      store.partners.list(),
      store.snoozes.active(today),
      audience === 'internal' ? store.contacts.list() : [],
    ]);
    const filter = partnerFilterArgument.safeParse(args);
    const where = filter.success && filter.data.kind !== 'status' && filter.data.kind !== 'all' ? filter.data : undefined;
    const chosen = where ? applyPartnerFilter(partners, where) : partners;
    if (where && !chosen.some((partner) => partner.status === 'pending')) return messageView(t.pending.noneIn(filterLabel(where, t)!));
    const title = where ? t.pending.titleFiltered(filterLabel(where, t)!) : t.pending.title;
    const reply = pendingView(chosen, lang, t, today, audience, snoozes, contacts, { choice: page.choice, title });
    // Words it does not take are said to be left out, never silently (and, however many, briefly).
    const ignored = t.pending.ignored(escapeMrkdwn(truncate(args.trim(), MAX_IGNORED_ECHO)));
    if (!filter.success) return { ...reply, blocks: [...reply.blocks.slice(0, 1), contextBlock(ignored), ...reply.blocks.slice(1)] };
    return reply;
  },
};
