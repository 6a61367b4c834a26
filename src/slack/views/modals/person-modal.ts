import type { ModalView } from '@slack/types';
import { NO_CHOICE } from '../../../domain/forms/fields.js';
import { PERSON_FIELDS as F, PERSON_LIMITS as L } from '../../../domain/forms/person-form.js';
import type { Partner, Person } from '../../../domain/types.js';
import type { Catalogue, Lang } from '../../../i18n/index.js';
import { CALLBACK_IDS } from '../../interaction-ids.js';
import { bilingualInputs } from './bilingual-inputs.js';
import { modal, partnerInput, textInput } from './inputs.js';
import { encodeMetadata } from './metadata.js';
import { partnerChoices } from './partner-choices.js';

export interface PersonModalInput {
  /** The person to edit; absent to add one. */
  person?: Person;
  partners: readonly Partner[];
  lang: Lang;
  t: Catalogue;
  /** Name typed after `person add`, to start the form with. */
  name?: string;
}

/** Add or edit a person: name, title, the partner they represent or another affiliation, e-mail. */
export function personModal({ person, partners, lang, t, name }: PersonModalInput): ModalView {
  const f = t.fields;
  const m = t.modals.person;
  const chosen = person?.partnerId ? [person.partnerId] : [];
  return modal({
    callbackId: CALLBACK_IDS.person,
    title: person ? m.titleEdit : m.titleAdd,
    submit: t.forms.save,
    close: t.forms.cancel,
    privateMetadata: encodeMetadata({ id: person?.id ?? null, version: person?.version ?? null, lang }),
    blocks: [
      textInput(F.name, f.name, { initial: person?.name ?? name, maxLength: L.name }),
      ...bilingualInputs({ blockIds: { fr: F.titleFr, en: F.titleEn }, label: f.title, initial: person?.title, maxLength: L.title, lang, t }),
      // Past Slack's 100 options the picker searches as one types (block_suggestion).
      partnerInput(F.partner, f.partnerId, [{ value: NO_CHOICE, text: t.common.none }, ...partnerChoices(partners, chosen)], {
        initial: person?.partnerId,
        optional: true,
        placeholder: t.forms.choose,
        hint: m.partnerHint,
      }),
      ...bilingualInputs({
        blockIds: { fr: F.affiliationFr, en: F.affiliationEn },
        label: f.affiliation,
        initial: person?.affiliation,
        maxLength: L.affiliation,
        lang,
        t,
        hint: m.affiliationHint,
      }),
      textInput(F.email, f.email, { initial: person?.email, maxLength: L.email, optional: true, hint: m.emailHint, placeholder: 'name@example.org' }),
    ],
  });
}
