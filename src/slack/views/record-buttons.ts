import type { ActionsBlock } from '@slack/types';
import type { ActionItem, CorridorEvent, CorridorProfile, Partner, Person } from '../../domain/types.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { ACTION_IDS, keyedActionId, recordRef } from '../interaction-ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { button } from './buttons.js';

/** Buttons under a partner card, for coordinators: log a contact, edit, or mark removed (kept on record). */
export function partnerButtons(partner: Partner, t: Catalogue): ActionsBlock {
  const ref = recordRef(partner.id, partner.version);
  return {
    type: 'actions',
    block_id: `partner_buttons:${partner.id}`.slice(0, 255),
    elements: [
      ...(partner.removedAt === null ? [button(t.contactLog.button, ACTION_IDS.logContact, partner.id)] : []),
      button(t.buttons.edit, ACTION_IDS.partnerEdit, ref),
      ...(partner.removedAt === null
        ? [
            button(t.buttons.remove, ACTION_IDS.partnerRemove, ref, {
              style: 'danger',
              confirm: { ...t.buttons.confirmRemove, text: t.buttons.confirmRemove.text(escapeMrkdwn(partner.name)) },
            }),
          ]
        : []),
    ],
  };
}

/** The button under a person card, for coordinators: edit. */
export function personButtons(person: Person, t: Catalogue): ActionsBlock {
  return {
    type: 'actions',
    block_id: `person_buttons:${person.id}`.slice(0, 255),
    elements: [button(t.buttons.edit, ACTION_IDS.personEdit, recordRef(person.id, person.version))],
  };
}

/** The button under the about card, for coordinators: edit the purpose, the figures and the tracks. */
export function aboutButtons(profile: CorridorProfile, t: Catalogue): ActionsBlock {
  return { type: 'actions', block_id: 'about_buttons', elements: [button(t.buttons.edit, ACTION_IDS.aboutEdit, recordRef(profile.id, profile.version))] };
}

/** Buttons under an event card, for coordinators: edit, or mark cancelled (kept on record). */
export function eventButtons(event: CorridorEvent, lang: Lang, t: Catalogue): ActionsBlock {
  const ref = recordRef(event.id, event.version);
  return {
    type: 'actions',
    block_id: `event_buttons:${event.id}`.slice(0, 255),
    elements: [
      button(t.buttons.edit, ACTION_IDS.eventEdit, ref),
      ...(event.status === 'scheduled'
        ? [
            button(t.buttons.cancelEvent, ACTION_IDS.eventCancel, ref, {
              style: 'danger',
              confirm: { ...t.buttons.confirmCancel, text: t.buttons.confirmCancel.text(escapeMrkdwn(event.title[lang])) },
            }),
          ]
        : []),
    ],
  };
}

/** *Done* for an open item, keyed by the item so several can share a surface. */
export function actionDoneButton(item: ActionItem, t: Catalogue) {
  return button(t.buttons.done, keyedActionId(ACTION_IDS.actionDone, item.id), item.id, { style: 'primary' });
}
