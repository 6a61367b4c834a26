import type { ModalView } from '@slack/types';
import { NO_CHOICE } from '../../../domain/forms/fields.js';
import { PARTNER_FIELDS as F, PARTNER_LIMITS as L } from '../../../domain/forms/partner-form.js';
import { jurisdictions, partnerKinds, partnerStatuses, pendingStages, type Partner } from '../../../domain/types.js';
import { stageOf } from '../../../domain/stages.js';
import type { Catalogue, Lang } from '../../../i18n/index.js';
import { CALLBACK_IDS } from '../../interaction-ids.js';
import { bilingualInputs } from './bilingual-inputs.js';
import { dateInput, modal, radioInput, selectInput, textInput, userInput } from './inputs.js';
import { encodeMetadata } from './metadata.js';

export interface PartnerModalInput {
  /** The partner to edit; absent to add one. */
  partner?: Partner;
  lang: Lang;
  t: Catalogue;
  /** Name typed after `partner add`, to start the form with. */
  name?: string;
  /**
   * The adhesion status picked in the form, when it is redrawn after the user switched it
   * (the next step only applies to a pending adhesion). Defaults to the partner's.
   */
  status?: Partner['status'];
  /** The version the form was first opened on, kept when it is redrawn. */
  version?: number | null;
}

/** Add or edit a partner, including where its adhesion stands (signed or pending, and since when). */
export function partnerModal({ partner, lang, t, name, status = partner?.status ?? 'pending', version = partner?.version ?? null }: PartnerModalInput): ModalView {
  const f = t.fields;
  const m = t.modals.partner;
  const none = { value: NO_CHOICE, text: t.common.none };
  const statusDate = partner && partner.status === status ? (status === 'signatory' ? partner.joinedOn : partner.pendingSince) : null;
  return modal({
    callbackId: CALLBACK_IDS.partner,
    title: partner ? m.titleEdit : m.titleAdd,
    submit: t.forms.save,
    close: t.forms.cancel,
    privateMetadata: encodeMetadata({ id: partner?.id ?? null, version, lang }),
    blocks: [
      textInput(F.name, f.name, { initial: partner?.name ?? name, maxLength: L.name }),
      textInput(F.acronym, f.acronym, { initial: partner?.acronym, maxLength: L.acronym, optional: true }),
      textInput(F.aliases, f.aliases, { initial: partner?.aliases.join(', '), maxLength: L.aliases, optional: true, hint: m.aliasesHint }),
      textInput(F.officialName, f.officialName, { initial: partner?.officialName, maxLength: L.officialName, optional: true }),
      // Switching the status redraws the form (views.update): the next step is for pending adhesions only.
      {
        ...radioInput(F.status, f.status, partnerStatuses.map((choice) => ({ value: choice, text: t.status[choice] })), { initial: status }),
        dispatch_action: true,
      },
      dateInput(F.statusDate, status === 'signatory' ? f.joinedOn : f.pendingSince, { initial: statusDate, optional: true, hint: m.statusDateHint }),
      ...(status === 'pending'
        ? bilingualInputs({
            blockIds: { fr: F.nextStepFr, en: F.nextStepEn },
            label: f.nextStep,
            initial: partner?.nextStep,
            maxLength: L.nextStep,
            multiline: true,
            lang,
            t,
          })
        : []),
      ...(status === 'pending' ? [dateInput(F.nextStepDueOn, f.nextStepDueOn, { initial: partner?.nextStepDueOn ?? null, optional: true })] : []),
      ...(status === 'pending' ? stageInputs(partner, t) : []),
      userInput(F.followUp, f.followUp, { initial: partner?.followUpUserId, optional: true, placeholder: t.forms.choose }),
      textInput(F.internalNote, f.internalNote, { initial: partner?.internalNote, maxLength: L.internalNote, multiline: true, optional: true, hint: m.internalNoteHint }),
      selectInput(F.kind, f.kind, [none, ...partnerKinds.map((kind) => ({ value: kind, text: t.kind[kind] }))], {
        initial: partner?.kind,
        optional: true,
        placeholder: t.forms.choose,
      }),
      selectInput(F.jurisdiction, f.jurisdiction, [none, ...jurisdictions.map((code) => ({ value: code, text: t.jurisdiction[code] }))], {
        initial: partner?.jurisdiction,
        optional: true,
        placeholder: t.forms.choose,
      }),
      textInput(F.website, f.website, { initial: partner?.website, maxLength: L.website, optional: true, placeholder: m.websitePlaceholder }),
      ...bilingualInputs({
        blockIds: { fr: F.designationFr, en: F.designationEn },
        label: f.designation,
        initial: partner?.designation,
        maxLength: L.designation,
        lang,
        t,
      }),
    ],
  });
}

/** Where a pending adhesion stands, and since when (see /corridor stage for the quick way). */
function stageInputs(partner: Partner | undefined, t: Catalogue) {
  const stage = partner ? stageOf(partner) : undefined;
  const reached = stage && (pendingStages as readonly string[]).includes(stage.name) ? stage : undefined;
  return [
    selectInput(F.stage, t.fields.stage, pendingStages.map((name) => ({ value: name, text: t.stages.name[name] })), {
      initial: reached?.name,
      optional: true,
      placeholder: t.forms.choose,
    }),
    dateInput(F.stageSince, t.modals.partner.stageSince, { initial: reached?.since ?? null, optional: true, hint: t.modals.partner.stageSinceHint }),
  ];
}
