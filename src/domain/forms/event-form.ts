import { z } from 'zod';
import { draftOf } from '../draft.js';
import { slugify, uniqueId } from '../slug.js';
import { normalize } from '../text.js';
import { eventStatuses, type BilingualText, type CorridorEvent, type Draft, type Partner, type Person } from '../types.js';
import { formErrorsFrom, type FormErrorCode, type FormResult } from './errors.js';
import { bilingual, choice, choices, nameText, nullIfBlank, optionalTime, optionalWebAddress, requiredDate, text } from './fields.js';
import type { FormValues } from './state.js';

/** Block IDs of the event modal. */
export const EVENT_FIELDS = {
  titleFr: 'title_fr',
  titleEn: 'title_en',
  date: 'date',
  time: 'time',
  endTime: 'end_time',
  place: 'place',
  onlineUrl: 'online_url',
  summaryFr: 'summary_fr',
  summaryEn: 'summary_en',
  organisers: 'organisers',
  speakers: 'speakers',
  invitedPartners: 'invited_partners',
  invitedPeople: 'invited_people',
  /** Shown once the event has begun: who came. */
  attendedPartners: 'attended_partners',
  attendedPeople: 'attended_people',
  status: 'status',
} as const;

export const EVENT_LIMITS = {
  /** A title becomes a header block, which holds 150 characters. */
  title: 150,
  place: 300,
  onlineUrl: 1000,
  summary: 1000,
  organisers: 100,
  /** Partners or people invited, or present: as many as a menu holds. */
  invitees: 100,
  speakersText: 3000,
  speakerCount: 30,
  speakerName: 150,
  speakerRole: 200,
} as const;

export interface EventFormContext {
  existing?: CorridorEvent;
  /** Every event, removed ones included, so a new ID is never one already used. */
  events: readonly CorridorEvent[];
  partners: readonly Partner[];
  /** Everyone on record: speakers typed by name are matched to them. */
  people: readonly Person[];
}

export interface EventFormResult {
  event: Draft<CorridorEvent>;
  /** Speakers typed who are not on record yet: saved as people before the event. */
  newPeople: Draft<Person>[];
}

export interface SpeakerLine {
  name: string;
  role: string;
}

const F = EVENT_FIELDS;
const L = EVENT_LIMITS;

/** The form's fields, and the rules between them, checked against the partners and people on record. */
function eventFormSchema({ partners, people }: Pick<EventFormContext, 'partners' | 'people'>) {
  const partnerIds = new Set(partners.map((partner) => partner.id));
  const personIds = new Set(people.map((person) => person.id));
  const somePartners = choices((id) => partnerIds.has(id), L.invitees);
  const somePeople = choices((id) => personIds.has(id), L.invitees);
  return z
    .object({
      [F.titleFr]: nameText(L.title),
      [F.titleEn]: nameText(L.title),
      [F.date]: requiredDate,
      [F.time]: optionalTime,
      [F.endTime]: optionalTime,
      [F.place]: text(L.place),
      [F.onlineUrl]: optionalWebAddress(L.onlineUrl),
      [F.summaryFr]: text(L.summary),
      [F.summaryEn]: text(L.summary),
      [F.organisers]: choices((id) => partnerIds.has(id), L.organisers),
      // Speakers' names become people on record: held to the same rule as names.
      [F.speakers]: nameText(L.speakersText, { multiline: true }),
      [F.invitedPartners]: somePartners,
      [F.invitedPeople]: somePeople,
      [F.attendedPartners]: somePartners,
      [F.attendedPeople]: somePeople,
      [F.status]: choice(eventStatuses),
    })
    .superRefine((form, issues) => {
      for (const [field, code] of whenAndWhereProblems(form[F.time], form[F.endTime], form[F.place], form[F.onlineUrl])) {
        issues.addIssue({ code: 'custom', path: [field], message: code });
      }
      if (form[F.titleFr] === '' && form[F.titleEn] === '') {
        for (const field of [F.titleFr, F.titleEn]) issues.addIssue({ code: 'custom', path: [field], message: 'requiredOneLanguage' });
      }
      const lines = speakerLines(form[F.speakers]);
      if (lines.length > L.speakerCount) {
        issues.addIssue({ code: 'too_big', origin: 'array', maximum: L.speakerCount, inclusive: true, path: [F.speakers], message: 'tooMany', input: lines });
      } else if (lines.some((line) => !line.name || line.name.length > L.speakerName || line.role.length > L.speakerRole)) {
        issues.addIssue({ code: 'custom', path: [F.speakers], message: 'speakerLine' });
      }
    });
}

export function parseEventForm(values: FormValues, context: EventFormContext): FormResult<EventFormResult> {
  const { existing, events, people } = context;
  const parsed = eventFormSchema(context).safeParse(values);
  if (!parsed.success) return { ok: false, errors: formErrorsFrom(parsed.error.issues) };
  const form = parsed.data;
  const title = bilingual(form[F.titleFr], form[F.titleEn])!;
  const date = form[F.date];
  const id = existing?.id ?? uniqueId(slugify(`${title.en} ${date}`), new Set(events.map((event) => event.id)));
  const { speakers, newPeople } = resolveSpeakers(speakerLines(form[F.speakers]), people, existing?.speakers ?? []);
  // Attendance fields are in the form only once the event has begun: absent, what was recorded stays.
  const shown = (field: string) => values[field] !== undefined;
  const event: Draft<CorridorEvent> = {
    ...(existing ? draftOf(existing) : { attendingPartnerIds: [], attendeePersonIds: [] }),
    id,
    title,
    date,
    startTime: nullIfBlank(form[F.time]),
    endTime: nullIfBlank(form[F.endTime]),
    place: form[F.place],
    onlineUrl: nullIfBlank(form[F.onlineUrl]),
    summary: bilingual(form[F.summaryFr], form[F.summaryEn]),
    organiserIds: form[F.organisers],
    invitedPartnerIds: form[F.invitedPartners],
    invitedPersonIds: form[F.invitedPeople],
    ...(shown(F.attendedPartners) ? { attendingPartnerIds: form[F.attendedPartners] } : {}),
    ...(shown(F.attendedPeople) ? { attendeePersonIds: form[F.attendedPeople] } : {}),
    speakers,
    status: (nullIfBlank(form[F.status]) as CorridorEvent['status'] | null) ?? existing?.status ?? 'scheduled',
  };
  return { ok: true, value: { event, newPeople } };
}

/**
 * An end needs a start and comes after it (the same day); an event takes place somewhere, in a
 * room or online. Times are `HH:MM`, so they compare as text.
 */
function whenAndWhereProblems(start: string, end: string, place: string, link: string): [string, FormErrorCode][] {
  const problems: [string, FormErrorCode][] = [];
  if (end && !start) problems.push([F.endTime, 'endWithoutStart']);
  else if (end && start && end <= start) problems.push([F.endTime, 'endBeforeStart']);
  if (!place && !link) problems.push([F.place, 'placeOrLink']);
  return problems;
}

/** "Name — role" per line (dash or en dash also accepted); a line without a role is just a name. */
export function speakerLines(typed: string): SpeakerLine[] {
  return typed
    .split('\n')
    .map((line) => line.replace(/^\s*[•*·]\s*/, '').trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*?)\s+[—–-]\s+(.*)$/.exec(line);
      return match ? { name: match[1]!.trim(), role: match[2]!.trim() } : { name: line, role: '' };
    });
}

/** The speakers of an event as the modal shows them, one "Name — role" per line. */
export function speakerText(event: CorridorEvent, people: readonly Person[], lang: 'fr' | 'en'): string {
  const byId = new Map(people.map((person) => [person.id, person]));
  return event.speakers
    .map((speaker) => {
      const name = byId.get(speaker.personId)?.name ?? speaker.personId;
      return speaker.role ? `${name} — ${speaker.role[lang]}` : name;
    })
    .join('\n');
}

function resolveSpeakers(
  lines: SpeakerLine[],
  people: readonly Person[],
  previous: CorridorEvent['speakers'],
): { speakers: CorridorEvent['speakers']; newPeople: Draft<Person>[] } {
  const taken = new Set(people.map((person) => person.id));
  const newPeople: Draft<Person>[] = [];
  const known = (name: string) =>
    people.find((person) => person.removedAt === null && normalize(person.name) === normalize(name)) ??
    newPeople.find((person) => normalize(person.name) === normalize(name));
  const speakers = lines.map(({ name, role }) => {
    let person: { id: string } | undefined = known(name);
    if (!person) {
      const id = uniqueId(slugify(name), taken);
      taken.add(id);
      const created: Draft<Person> = { id, name, title: null, partnerId: null, affiliation: null, email: null, quote: null };
      newPeople.push(created);
      person = created;
    }
    return { personId: person.id, role: keptRole(previous, person.id, role) };
  });
  return { speakers, newPeople };
}

/** A role typed as it was shown keeps both its languages; a new wording is used for both. */
function keptRole(previous: CorridorEvent['speakers'], personId: string, typed: string): BilingualText | null {
  if (!typed) return null;
  const before = previous.find((speaker) => speaker.personId === personId)?.role;
  if (before && (before.fr === typed || before.en === typed)) return before;
  return { fr: typed, en: typed };
}
