import type { Audience } from '../../../domain/permissions.js';
import type { KnownBlock, ModalView } from '@slack/types';
import { diffRecords } from '../../../domain/diff.js';
import { slackUserId } from '../../../domain/types.js';
import type { Catalogue } from '../../../i18n/index.js';
import { fieldsSection, section } from '../../blocks.js';
import { CALLBACK_IDS } from '../../interaction-ids.js';
import { mentionUser } from '../../mrkdwn.js';
import { refusalView } from '../refusal-view.js';
import { formatFieldValue, fieldLabel, recordFields, SUMMARY_KEYS, type FieldContext } from '../record-fields.js';
import { modal } from './inputs.js';
import { encodeMetadata, originFields, type MessageOrigin, type ModalMetadata } from './metadata.js';

type Summarised = 'partner' | 'person' | 'event' | 'action' | 'about';

/** Shown in place of the form once the change is saved: what it says now. */
export function savedModal(input: { entity: Summarised; record: object; message: string } & FieldContext): ModalView {
  const fields = fieldsSection(recordFields(input.entity, input.record, SUMMARY_KEYS[input.entity], input));
  return modal({
    callbackId: 'saved_modal',
    title: input.t.modals.saved.title,
    close: input.t.forms.close,
    privateMetadata: '',
    blocks: [section(input.message), ...(fields ? [fields] : [])],
  });
}

export interface ConflictModalInput extends FieldContext {
  entity: Summarised;
  /** Which form "Edit again" reopens. */
  reopen: NonNullable<ModalMetadata['kind']>;
  /** Escaped display name of the record. */
  what: string;
  current: { id: string; version: number; updatedBy: string | null };
  /** The draft the user submitted, refused because the record had changed. */
  attempted: object;
  /** Kept for the reopened form (see ModalMetadata). */
  origin?: MessageOrigin | undefined;
}

/** Who last changed a record, as a mention when it was a Slack user, else "someone" (the seed, the Notion sync). */
export function whoChanged(updatedBy: string | null, t: Catalogue): string {
  return updatedBy && slackUserId.safeParse(updatedBy).success ? mentionUser(updatedBy) : t.modals.conflict.someone;
}

/**
 * The record changed since the form was opened: nothing is overwritten. Shows who changed it, its
 * current values and what the user had typed, and offers to edit the current version again.
 */
export function conflictModal(input: ConflictModalInput): ModalView {
  const { t, lang, entity, current, attempted } = input;
  const who = whoChanged(current.updatedBy, t);
  const currentFields = fieldsSection(recordFields(entity, current, SUMMARY_KEYS[entity], input));
  const yours = Object.entries(diffRecords(current, attempted))
    .slice(0, 10)
    .map(([key, { to }]): [string, string] => [fieldLabel(key, t), formatFieldValue(entity, key, to, input)]);
  const yourFields = fieldsSection(yours);
  const blocks: KnownBlock[] = [
    section(t.modals.conflict.changedBy(input.what, who)),
    ...(currentFields ? [section(`*${t.modals.conflict.current}*`), currentFields] : []),
    ...(yourFields ? [section(`*${t.modals.conflict.yours}*`), yourFields] : []),
  ];
  return modal({
    callbackId: CALLBACK_IDS.conflict,
    title: t.modals.conflict.title,
    submit: t.modals.conflict.editAgain,
    close: t.forms.close,
    privateMetadata: encodeMetadata({
      id: current.id,
      version: current.version,
      lang,
      kind: input.reopen,
      ...originFields(input.origin),
    }),
    blocks,
  });
}

/** Shown instead of saving when the user may not make this change. */
export function refusedModal(admins: readonly string[], t: Catalogue, audience: Audience): ModalView {
  return modal({
    callbackId: 'refused_modal',
    title: t.modals.refused.title,
    close: t.forms.close,
    privateMetadata: '',
    blocks: refusalView(admins, t, audience).blocks,
  });
}

/** The record disappeared (or was removed) between opening the form and submitting it. */
export function goneModal(t: Catalogue): ModalView {
  return modal({
    callbackId: 'gone_modal',
    title: t.modals.gone.title,
    close: t.forms.close,
    privateMetadata: '',
    blocks: [section(t.modals.gone.text)],
  });
}

/** A short notice in a modal, for clicks in the Home tab, which has no ephemeral messages. */
export function noticeModal(title: string, text: string, t: Catalogue): ModalView {
  return modal({ callbackId: 'notice_modal', title, close: t.forms.close, privateMetadata: '', blocks: [section(text)] });
}
