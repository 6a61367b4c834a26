import type { ActionsBlock } from '@slack/types';
import { findActions, isOpen } from '../../domain/action-items.js';
import { readVerb } from '../../domain/command-text.js';
import { normalize } from '../../domain/text.js';
import { canUpdateActionStatus } from '../../domain/permissions.js';
import type { ActionItem } from '../../domain/types.js';
import type { Reply } from '../blocks.js';
import { actionModalFor, actionStatusModalFor } from '../modal-loaders.js';
import { actionCardView, actionNotFoundView, actionSeveralView } from '../views/action-item-card-view.js';
import { actionDoneButton } from '../views/record-buttons.js';
import { directoryOf } from '../views/record-fields.js';
import { messageView } from '../views/message-view.js';
import type { CommandContext, CorridorCommand } from './command.js';
import { openModal, refusal } from './modal-command.js';

/** `action <words>` shows one item; `action add` and `action edit <words>` open the item modal. */
export const actionCommand: CorridorCommand = {
  name: 'action',
  aliases: ['task', 'item'],
  frenchAliases: ['tache'],
  help: (t) => t.commands.action,
  async run(args, context) {
    const { store, t } = context;
    if (!args.trim()) return messageView(t.action.missing);
    const items = await store.actions.list();
    const verb = readVerb(args, {
      names: (query) => items.some((item) => item.id === query.trim() || [item.title.fr, item.title.en].map(normalize).includes(normalize(query))),
      finds: (query) => findActions(query, items).length > 0,
    });
    if (verb.kind === 'add') {
      if (!context.isAdmin) return refusal(context);
      return openModal(context, () => actionModalFor(store, context.lang));
    }
    const query = verb.kind === 'edit' ? verb.rest : verb.query;
    if (verb.kind === 'edit' && !query) return messageView(t.action.missingEdit);
    const found = findActions(query, items);
    if (found.length === 0) return actionNotFoundView(query, t);
    const fieldContext = await fieldContextOf(context);
    if (found.length > 1) return actionSeveralView(query, found, { ...fieldContext, today: context.today, audience: context.audience });
    const item = found[0]!;
    if (verb.kind === 'edit') return editAction(item, context);
    return actionCardView(item, { ...fieldContext, audience: context.audience, actions: buttonsFor(item, context) });
  },
};

/** Coordinators edit everything; an item's owner may still update its status. */
async function editAction(item: ActionItem, context: CommandContext): Promise<Reply | undefined> {
  if (context.isAdmin) return openModal(context, () => actionModalFor(context.store, context.lang, item));
  if (canUpdateActionStatus(context.userId, item, context.admins, context.audience)) return openModal(context, () => actionStatusModalFor(context.lang, item));
  return refusal(context);
}

function buttonsFor(item: ActionItem, context: CommandContext): ActionsBlock[] {
  if (!context.slack || !isOpen(item) || !canUpdateActionStatus(context.userId, item, context.admins, context.audience)) return [];
  return [{ type: 'actions', block_id: `action_buttons:${item.id}`.slice(0, 255), elements: [actionDoneButton(item, context.t)] }];
}

async function fieldContextOf({ store, lang, t }: CommandContext) {
  const [partners, people, tracks] = await Promise.all([
    store.partners.list({ includeRemoved: true }),
    store.people.list({ includeRemoved: true }),
    store.listTracks(),
  ]);
  return { lang, t, directory: directoryOf(partners, people, tracks) };
}
