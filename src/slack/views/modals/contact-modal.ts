import type { ModalView } from '@slack/types';
import { CONTACT_FORM as F } from '../../../domain/forms/contact-form.js';
import { contactKinds, CONTACT_TEXT_MAX, type Partner } from '../../../domain/types.js';
import type { Catalogue, Lang } from '../../../i18n/index.js';
import { CALLBACK_IDS } from '../../interaction-ids.js';
import { dateInput, modal, partnerInput, selectInput, textInput } from './inputs.js';
import { encodeMetadata, originFields, type MessageOrigin } from './metadata.js';
import { partnerChoices } from './partner-choices.js';

export interface ContactModalInput {
  partners: readonly Partner[];
  /** The partner chosen already (the card's or the reminder's button, or guessed from a message). */
  partnerId?: string | undefined;
  /** Text to start from (a message turned into an entry). */
  text?: string | undefined;
  today: string;
  lang: Lang;
  t: Catalogue;
  origin?: MessageOrigin | undefined;
}

/** The contact-log form: which partner, what kind of contact, when, what was said, when to follow up. */
export function contactModal({ partners, partnerId, text, today, lang, t, origin }: ContactModalInput): ModalView {
  const words = t.contactLog.form;
  return modal({
    callbackId: CALLBACK_IDS.contact,
    title: words.title,
    submit: words.submit,
    close: t.forms.cancel,
    privateMetadata: encodeMetadata({ id: null, version: null, lang, ...originFields(origin) }),
    blocks: [
      partnerInput(F.partner, words.partner, partnerChoices(partners), { initial: partnerId, placeholder: t.forms.choose }),
      selectInput(F.kind, words.kind, contactKinds.map((kind) => ({ value: kind, text: t.contactLog.kinds[kind] })), {
        initial: 'call',
        placeholder: t.forms.choose,
      }),
      dateInput(F.on, words.on, { initial: today }),
      textInput(F.text, words.text, { initial: text, maxLength: CONTACT_TEXT_MAX, multiline: true }),
      dateInput(F.next, words.next, { optional: true, hint: words.nextHint }),
    ],
  });
}
