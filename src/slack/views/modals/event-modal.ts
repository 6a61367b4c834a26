import type { InputBlock, ModalView } from '@slack/types';
import { EVENT_FIELDS as F, EVENT_LIMITS as L, speakerText } from '../../../domain/forms/event-form.js';
import { eventStatuses, type CorridorEvent, type Partner, type Person } from '../../../domain/types.js';
import type { Catalogue, Lang } from '../../../i18n/index.js';
import { CALLBACK_IDS } from '../../interaction-ids.js';
import { bilingualInputs } from './bilingual-inputs.js';
import { dateInput, modal, partnersInput, peopleInput, radioInput, textInput, timeInput } from './inputs.js';
import { encodeMetadata } from './metadata.js';
import { partnerChoices } from './partner-choices.js';
import { personChoices } from './person-choices.js';

export interface EventModalInput {
  /** The event to edit; absent to add one. */
  event?: CorridorEvent;
  partners: readonly Partner[];
  people: readonly Person[];
  /** The corridor's zone: dates and times are wall-clock times there. */
  timeZone: string;
  /** Today in the corridor's zone: once an event has begun, the form asks who came. */
  today: string;
  lang: Lang;
  t: Catalogue;
}

/** Add or edit an event; editing also offers to cancel it (it stays on record, marked cancelled). */
export function eventModal({ event, partners, people, timeZone, today, lang, t }: EventModalInput): ModalView {
  const f = t.fields;
  const m = t.modals.event;
  const v = t.eventInvites;
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
      timeInput(F.endTime, v.endTime(timeZone), { initial: event?.endTime, timeZone, optional: true, hint: v.endTimeHint }),
      textInput(F.place, f.place, { initial: event?.place, maxLength: L.place, optional: true, hint: v.placeHint }),
      textInput(F.onlineUrl, v.onlineUrl, { initial: event?.onlineUrl, maxLength: L.onlineUrl, optional: true, hint: v.onlineUrlHint, placeholder: v.onlineUrlPlaceholder }),
      partnersInput(F.organisers, f.organisers, partnerChoices(partners, event?.organiserIds), { ...picker(t), initial: event?.organiserIds ?? [] }),
      ...inviteeInputs(event, partners, people, t),
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
      ...(event && event.date <= today ? attendanceInputs(event, partners, people, t) : []),
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

const picker = (t: Catalogue) => ({ optional: true, placeholder: t.forms.choose });

/** The partners and people invited. */
function inviteeInputs(event: CorridorEvent | undefined, partners: readonly Partner[], people: readonly Person[], t: Catalogue): InputBlock[] {
  const v = t.eventInvites;
  return [
    partnersInput(F.invitedPartners, v.invitedPartners, partnerChoices(partners, event?.invitedPartnerIds), { ...picker(t), initial: event?.invitedPartnerIds ?? [] }),
    peopleInput(F.invitedPeople, v.invitedPeople, personChoices(people, event?.invitedPersonIds), {
      ...picker(t),
      initial: event?.invitedPersonIds ?? [],
      hint: v.invitedPeopleHint,
    }),
  ];
}

/** Who came: asked once the event has begun. */
function attendanceInputs(event: CorridorEvent, partners: readonly Partner[], people: readonly Person[], t: Catalogue): InputBlock[] {
  const v = t.eventInvites;
  return [
    partnersInput(F.attendedPartners, v.attendedPartners, partnerChoices(partners, event.attendingPartnerIds), {
      ...picker(t),
      initial: event.attendingPartnerIds,
      hint: v.attendanceHint,
    }),
    peopleInput(F.attendedPeople, v.attendedPeople, personChoices(people, event.attendeePersonIds), { ...picker(t), initial: event.attendeePersonIds }),
  ];
}
