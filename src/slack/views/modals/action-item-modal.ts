import type { ModalView } from '@slack/types';
import { ACTION_FIELDS as F, ACTION_LIMITS as L, ACTION_STATUS_FIELDS } from '../../../domain/forms/action-item-form.js';
import { NO_CHOICE } from '../../../domain/forms/fields.js';
import { actionStatuses, type ActionItem, type Partner, type Track } from '../../../domain/types.js';
import type { Catalogue, Lang } from '../../../i18n/index.js';
import { context, section } from '../../blocks.js';
import { CALLBACK_IDS } from '../../interaction-ids.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { bilingualInputs } from './bilingual-inputs.js';
import { dateInput, modal, partnersInput, selectInput, userInput } from './inputs.js';
import { encodeMetadata } from './metadata.js';
import { partnerChoices } from './partner-choices.js';

export interface ActionModalInput {
  /** The item to edit; absent to add one. */
  item?: ActionItem;
  tracks: readonly Track[];
  partners: readonly Partner[];
  lang: Lang;
  t: Catalogue;
  /** A new item's starting values, from a Slack message: its text as title, its author as owner, a link back to it. */
  fromMessage?: { text: string; authorUserId: string | undefined; permalink: string | undefined };
}

/** Add an action item, or assign, re-date or complete one. */
export function actionModal({ item, tracks, partners, lang, t, fromMessage }: ActionModalInput): ModalView {
  const f = t.fields;
  const m = t.modals.action;
  const trackChoices = [
    { value: NO_CHOICE, text: m.noTrack },
    ...tracks.map((track) => ({ value: track.id, text: `${track.position}. ${track.title[lang]}` })),
  ];
  return modal({
    callbackId: CALLBACK_IDS.action,
    title: item ? m.titleEdit : m.titleAdd,
    submit: t.forms.save,
    close: t.forms.cancel,
    privateMetadata: encodeMetadata({ id: item?.id ?? null, version: item?.version ?? null, lang }),
    blocks: [
      ...(fromMessage?.permalink ? [context(m.fromMessage(fromMessage.permalink))] : []),
      ...bilingualInputs({ blockIds: { fr: F.titleFr, en: F.titleEn }, label: f.title, initial: item?.title ?? messageTitle(fromMessage), maxLength: L.title, lang, t }),
      userInput(F.owner, f.owner, { initial: item?.ownerUserId ?? fromMessage?.authorUserId, optional: true, placeholder: t.forms.choose }),
      dateInput(F.due, f.due, { initial: item?.dueOn, optional: true }),
      statusSelect(F.status, item?.status ?? 'open', t),
      selectInput(F.track, f.track, trackChoices, { initial: item?.trackId ?? undefined, optional: true, placeholder: t.forms.choose }),
      partnersInput(F.partners, f.partnersConcerned, partnerChoices(partners, item?.partnerIds), {
        initial: item?.partnerIds ?? [],
        optional: true,
        placeholder: t.forms.choose,
      }),
    ],
  });
}

/** A message's text as a title to start from, in both languages' fields (the coordinator translates one). */
function messageTitle(fromMessage: ActionModalInput['fromMessage']): { fr: string; en: string } | undefined {
  const text = fromMessage?.text.replace(/\s+/g, ' ').trim().slice(0, L.title);
  return text ? { fr: text, en: text } : undefined;
}

/** What an item's owner without admin rights may change: its status. */
export function actionStatusModal({ item, lang, t }: { item: ActionItem; lang: Lang; t: Catalogue }): ModalView {
  return modal({
    callbackId: CALLBACK_IDS.actionStatus,
    title: t.modals.action.titleStatus,
    submit: t.forms.save,
    close: t.forms.cancel,
    privateMetadata: encodeMetadata({ id: item.id, version: item.version, lang }),
    blocks: [section(t.modals.action.statusOnlyIntro(escapeMrkdwn(item.title[lang]))), statusSelect(ACTION_STATUS_FIELDS.status, item.status, t)],
  });
}

function statusSelect(blockId: string, initial: ActionItem['status'], t: Catalogue) {
  return selectInput(blockId, t.fields.status, actionStatuses.map((status) => ({ value: status, text: t.actionStatus[status] })), {
    initial,
    placeholder: t.forms.choose,
  });
}
