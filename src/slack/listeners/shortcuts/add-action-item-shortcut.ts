import type { SlackDeps } from '../../deps.js';
import { actionModalFor } from '../../modal-loaders.js';
import { messageShortcut } from './message-shortcut.js';

/** *Add as action item* on a message: the action item form, its title the message's text, its owner the message's author. */
export function addActionItemShortcut(deps: SlackDeps) {
  return messageShortcut(deps, ({ lang, payload, permalink }) =>
    actionModalFor(deps.store, lang, undefined, { text: payload.message.text, authorUserId: payload.message.user, permalink }),
  );
}
