import { lastContactDays } from '../domain/contact-log.js';
import { sortPartners } from '../domain/partner-order.js';
import type { Audience } from '../domain/permissions.js';
import { RESTING_STAGES, stageOf } from '../domain/stages.js';
import type { ActionItem, ContactEntry, CorridorEvent, Partner, Person, Track } from '../domain/types.js';
import { catalogue, type Catalogue, type Lang } from '../i18n/index.js';
import type { CsvValue } from './csv.js';

/** The record kinds a report exports, one CSV file and one workbook sheet each. */
export const RECORD_KINDS = ['partners', 'people', 'events', 'action-items'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** French, English, or both (French first, as the channel posts). */
export type ReportLang = 'fr' | 'en' | 'both';

/** The words of a report language: one language's, or French and English joined ("Nom / Name"). */
export function say(lang: ReportLang, pick: (t: Catalogue, lang: Lang) => string, separator = ' / '): string {
  if (lang !== 'both') return pick(catalogue(lang), lang);
  const [fr, en] = [pick(catalogue('fr'), 'fr'), pick(catalogue('en'), 'en')];
  return fr === en ? fr : `${fr}${separator}${en}`;
}

export interface RecordTable {
  header: string[];
  rows: CsvValue[][];
}

export interface TableRecords {
  partners: Partner[];
  people: Person[];
  events: CorridorEvent[];
  actions: ActionItem[];
  contacts: ContactEntry[];
  tracks: Track[];
}

/** A column: its header (from the catalogue's CSV words), its value, and whether it is the coordinators' own. */
interface Column<R> {
  header: (t: Catalogue) => string;
  value: (record: R) => CsvValue;
  internal?: boolean;
}

function table<R>(columns: readonly Column<R>[], records: readonly R[], lang: ReportLang, audience: Audience): RecordTable {
  const shown = columns.filter((column) => audience === 'internal' || !column.internal);
  return { header: shown.map((column) => say(lang, column.header)), rows: records.map((record) => shown.map((column) => column.value(record))) };
}

const joined = (names: readonly string[]) => names.join('; ');

/**
 * Each kind's table: one record a row, dates ISO 8601, both languages of bilingual texts side by
 * side; codes where they are codes (IDs, jurisdictions), words in the report's language for
 * statuses and stages. A public table leaves out what the public view hides (owners, follow-up
 * owners, internal notes, e-mail addresses, the contact log's dates, due dates).
 */
export function recordTable(kind: RecordKind, records: TableRecords, lang: ReportLang, audience: Audience): RecordTable {
  const context: TableContext = {
    records,
    lang,
    audience,
    partnerNames: new Map(records.partners.map((partner) => [partner.id, partner.name])),
    personNames: new Map(records.people.map((person) => [person.id, person.name])),
  };
  return TABLES[kind](context);
}

interface TableContext {
  records: TableRecords;
  lang: ReportLang;
  audience: Audience;
  partnerNames: Map<string, string>;
  personNames: Map<string, string>;
}

const TABLES: Record<RecordKind, (context: TableContext) => RecordTable> = {
  partners: partnerTable,
  people: peopleTable,
  events: eventTable,
  'action-items': actionItemTable,
};

const names = (ids: readonly string[], from: Map<string, string>) => joined(ids.map((id) => from.get(id) ?? id));
const live = <T extends { removedAt: string | null }>(list: readonly T[]) => list.filter((record) => record.removedAt === null);

function partnerTable({ records, lang, audience }: TableContext): RecordTable {
  const lastContacts = lastContactDays(records.contacts);
  const columns: Column<Partner>[] = [
    { header: (t) => t.report.csv.id, value: (p) => p.id },
    { header: (t) => t.report.csv.name, value: (p) => p.name },
    { header: (t) => t.report.csv.officialName, value: (p) => p.officialName },
    { header: (t) => t.report.csv.acronym, value: (p) => p.acronym },
    { header: (t) => t.report.csv.kind, value: (p) => (p.kind ? say(lang, (t) => t.kind[p.kind!]) : null) },
    { header: (t) => t.report.csv.jurisdiction, value: (p) => p.jurisdiction },
    { header: (t) => t.report.csv.status, value: (p) => say(lang, (t) => t.status[p.status]) },
    { header: (t) => t.report.csv.stage, value: (p) => stageWords(p, lang, audience) },
    { header: (t) => t.report.csv.stageSince, value: (p) => stageOf(p)?.since },
    { header: (t) => t.report.csv.joinedOn, value: (p) => p.joinedOn },
    { header: (t) => t.report.csv.pendingSince, value: (p) => p.pendingSince },
    { header: (t) => t.report.csv.nextStepFr, value: (p) => p.nextStep?.fr },
    { header: (t) => t.report.csv.nextStepEn, value: (p) => p.nextStep?.en },
    { header: (t) => t.report.csv.nextStepDue, value: (p) => p.nextStepDueOn, internal: true },
    { header: (t) => t.report.csv.followUp, value: (p) => p.followUpUserId, internal: true },
    { header: (t) => t.report.csv.internalNote, value: (p) => p.internalNote, internal: true },
    { header: (t) => t.report.csv.lastContact, value: (p) => lastContacts.get(p.id), internal: true },
    { header: (t) => t.report.csv.website, value: (p) => p.website },
  ];
  return table(columns, sortPartners(live(records.partners)), lang, audience);
}

function peopleTable({ records, lang, audience, partnerNames }: TableContext): RecordTable {
  const columns: Column<Person>[] = [
    { header: (t) => t.report.csv.id, value: (p) => p.id },
    { header: (t) => t.report.csv.name, value: (p) => p.name },
    { header: (t) => t.report.csv.titleFr, value: (p) => p.title?.fr },
    { header: (t) => t.report.csv.titleEn, value: (p) => p.title?.en },
    { header: (t) => t.report.csv.partner, value: (p) => (p.partnerId ? (partnerNames.get(p.partnerId) ?? p.partnerId) : null) },
    { header: (t) => t.report.csv.affiliationFr, value: (p) => p.affiliation?.fr },
    { header: (t) => t.report.csv.affiliationEn, value: (p) => p.affiliation?.en },
    { header: (t) => t.report.csv.email, value: (p) => p.email, internal: true },
  ];
  return table(columns, live(records.people).sort((a, b) => a.name.localeCompare(b.name, 'fr')), lang, audience);
}

function eventTable({ records, lang, audience, partnerNames, personNames }: TableContext): RecordTable {
  const columns: Column<CorridorEvent>[] = [
    { header: (t) => t.report.csv.id, value: (e) => e.id },
    { header: (t) => t.report.csv.titleFr, value: (e) => e.title.fr },
    { header: (t) => t.report.csv.titleEn, value: (e) => e.title.en },
    { header: (t) => t.fields.date, value: (e) => e.date },
    { header: (t) => t.report.csv.startTime, value: (e) => e.startTime },
    { header: (t) => t.report.csv.endTime, value: (e) => e.endTime },
    { header: (t) => t.report.csv.place, value: (e) => e.place },
    { header: (t) => t.report.csv.onlineUrl, value: (e) => e.onlineUrl },
    { header: (t) => t.report.csv.status, value: (e) => say(lang, (t) => t.eventStatus[e.status]) },
    { header: (t) => t.report.csv.organisers, value: (e) => names(e.organiserIds, partnerNames) },
    { header: (t) => t.report.csv.speakers, value: (e) => names(e.speakers.map((speaker) => speaker.personId), personNames) },
    { header: (t) => t.report.csv.invited, value: (e) => names(e.invitedPartnerIds, partnerNames) },
    { header: (t) => t.report.csv.attending, value: (e) => names(e.attendingPartnerIds, partnerNames) },
  ];
  return table(columns, live(records.events).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)), lang, audience);
}

function actionItemTable({ records, lang, audience, partnerNames }: TableContext): RecordTable {
  const tracks = new Map(records.tracks.map((track) => [track.id, track]));
  const trackName = (item: ActionItem) => {
    const track = item.trackId ? tracks.get(item.trackId) : undefined;
    return track ? say(lang, (t, one) => t.actions.trackLine(track.position, track.title[one])) : null;
  };
  const columns: Column<ActionItem>[] = [
    { header: (t) => t.report.csv.id, value: (a) => a.id },
    { header: (t) => t.report.csv.titleFr, value: (a) => a.title.fr },
    { header: (t) => t.report.csv.titleEn, value: (a) => a.title.en },
    { header: (t) => t.report.csv.track, value: trackName },
    { header: (t) => t.report.csv.status, value: (a) => say(lang, (t) => t.actionStatus[a.status]) },
    { header: (t) => t.report.csv.owner, value: (a) => a.ownerUserId, internal: true },
    { header: (t) => t.report.csv.dueOn, value: (a) => a.dueOn, internal: true },
    { header: (t) => t.report.csv.completedOn, value: (a) => a.completedOn },
    { header: (t) => t.report.csv.partners, value: (a) => names(a.partnerIds, partnerNames) },
  ];
  const position = (item: ActionItem) => (item.trackId ? (tracks.get(item.trackId)?.position ?? 99) : 99);
  return table(columns, live(records.actions).sort((a, b) => position(a) - position(b) || a.id.localeCompare(b.id)), lang, audience);
}

/** The stage in words; outside, a paused or declined adhesion reads "adhesion in progress" as the public view says. */
function stageWords(partner: Partner, lang: ReportLang, audience: Audience): string | null {
  const stage = stageOf(partner);
  if (!stage) return null;
  const hidden = audience === 'public' && RESTING_STAGES.includes(stage.name);
  return say(lang, (t) => (hidden ? t.stages.inProgress : t.stages.name[stage.name]));
}
