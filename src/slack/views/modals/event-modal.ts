import type { ModalView } from '@slack/types';
import { EVENT_FIELDS as F, EVENT_LIMITS as L, speakerText } from '../../../domain/forms/event-form.js';
import { eventStatuses, type CorridorEvent, type Partner, type Person } from '../../../domain/types.js';
import type { Catalogue, Lang } from '../../../i18n/index.js';
import { CALLBACK_IDS } from '../../interaction-ids.js';
import { bilingualInputs } from './bilingual-inputs.js';
import { dateInput, modal, partnersInput, radioInput, textInput, timeInput } from './inputs.js';
import { encodeMetadata } from './metadata.js';
import { partnerChoices } from './partner-choices.js';

export interface EventModalInput {
  /** The event to edit; absent to add one. */
  event?: CorridorEvent;
  partners: readonly Partner[];
  people: readonly Person[];
  /** The corridor's zone: dates and times are wall-clock times there. */
  timeZone: string;
  lang: Lang;
  t: Catalogue;
}

/** Add or edit an event; editing also offers to cancel it (it stays on record, marked cancelled). */
export function eventModal({ event, partners, people, timeZone, lang, t }: EventModalInput): ModalView {
  const f = t.fields;
  const m = t.modals.event;
  return modal({
    callbackId: CALLBACK_IDS.event,
    title: event ? m.titleEdit : m.titleAdd,
    submit: t.forms.save,
    close: t.forms.cancel,
    privateMetadata: encodeMetadata({ id: event?.id ?? null, version: event?.version ?? null, lang }),
    blocks: [
      ...bilingualInputs({ blockIds: { fr: F.titleFr, en: F.titleEn }, label: f.title, initial: event?.title, maxLength: L.title, lang, t }),
      dateInput(F.date, f.date, { initial: event?.date }),
      timeInput(F.time, m.time(timeZone), { initial: event?.startTime, timeZone, optional: true, hint: m.timeHint }),
      textInput(F.place, f.place, { initial: event?.place, maxLength: L.place }),
      partnersInput(F.organisers, f.organisers, partnerChoices(partners, event?.organiserIds), {
        initial: event?.organiserIds ?? [],
        optional: true,
        placeholder: t.forms.choose,
      }),
      textInput(F.speakers, f.speakers, {
        initial: event ? speakerText(event, people, lang) : undefined,
        maxLength: L.speakersText,
        multiline: true,
        optional: true,
        hint: m.speakersHint,
        placeholder: m.speakersPlaceholder,
      }),
      ...bilingualInputs({
        blockIds: { fr: F.summaryFr, en: F.summaryEn },
        label: f.summary,
        initial: event?.summary,
        maxLength: L.summary,
        multiline: true,
        lang,
        t,
      }),
      ...(event
        ? [
            radioInput(F.status, f.status, eventStatuses.map((status) => ({ value: status, text: t.eventStatus[status] })), {
              initial: event.status,
              hint: m.statusHint,
            }),
          ]
        : []),
    ],
  });
}
