import { applyPartnerFilter, partnerFilterArgument } from '../../domain/partner-filter.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { context as contextBlock, header } from '../blocks.js';
import { messageView } from '../views/message-view.js';
import { pendingView } from '../views/pending-view.js';
import type { CorridorCommand } from './command.js';
import { filterLabel } from './partners.js';

/** `/corridor pending [province | state | country]`: the adhesions still pending, where each stands. */
export const pendingCommand: CorridorCommand = {
  name: 'pending',
  aliases: ['adhesions', 'adhesion'],
  frenchAliases: ['attente', 'en-attente'],
  help: (t) => t.commands.pending,
  async run(args, { store, lang, t, today, audience }) {
    const [partners, snoozes, contacts] = await Promise.all([
      store.partners.list(),
      store.snoozes.active(today),
      audience === 'internal' ? store.contacts.list() : [],
    ]);
    const filter = partnerFilterArgument.safeParse(args);
    const where = filter.success && filter.data.kind !== 'status' && filter.data.kind !== 'all' ? filter.data : undefined;
    const chosen = where ? applyPartnerFilter(partners, where) : partners;
    if (where && !chosen.some((partner) => partner.status === 'pending')) return messageView(t.pending.noneIn(filterLabel(where, t)!));
    const reply = pendingView(chosen, lang, t, today, audience, snoozes, contacts);
    if (where) return { ...reply, blocks: [header(t.pending.titleFiltered(filterLabel(where, t)!)), ...reply.blocks.slice(1)] };
    // Words it does not take are said to be left out, never silently.
    if (!filter.success) return { ...reply, blocks: [...reply.blocks.slice(0, 1), contextBlock(t.pending.ignored(escapeMrkdwn(args.trim()))), ...reply.blocks.slice(1)] };
    return reply;
  },
};
