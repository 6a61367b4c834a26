import type { HistoryEntry, Partner, Person, Track } from '../../domain/types.js';
import { adhesionStage, sectorFigure, slackUserId, track, type AdhesionStage } from '../../domain/types.js';
import { formatDate, formatTime } from '../../i18n/format.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { truncate } from '../blocks.js';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.js';

export type Entity = HistoryEntry['entity'];

/** Names to show for the IDs records refer to. */
export interface Directory {
  partners: ReadonlyMap<string, Partner>;
  people: ReadonlyMap<string, Person>;
  tracks: ReadonlyMap<string, Track>;
}

export interface FieldContext {
  lang: Lang;
  t: Catalogue;
  directory: Directory;
}

const MAX_VALUE = 500;
/** Shown for a field without a value, in either language. */
export const EMPTY_VALUE = '—';
const DATE_KEYS = new Set(['joinedOn', 'pendingSince', 'date', 'dueOn', 'completedOn']);
const USER_KEYS = new Set(['followUpUserId', 'ownerUserId']);
const PARTNER_LIST_KEYS = new Set(['organiserIds', 'attendingPartnerIds', 'partnerIds', 'ledByPartnerIds']);

export function directoryOf(partners: readonly Partner[], people: readonly Person[], tracks: readonly Track[]): Directory {
  return {
    partners: new Map(partners.map((partner) => [partner.id, partner])),
    people: new Map(people.map((person) => [person.id, person])),
    tracks: new Map(tracks.map((track) => [track.id, track])),
  };
}

/** The catalogue's label for a record field; unknown keys show as they are. */
export function fieldLabel(key: string, t: Catalogue): string {
  const f = t.fields;
  const labels: Record<string, string> = {
    name: f.name,
    officialName: f.officialName,
    acronym: f.acronym,
    aliases: f.aliases,
    designation: f.designation,
    kind: f.kind,
    jurisdiction: f.jurisdiction,
    website: f.website,
    status: f.status,
    joinedOn: f.joinedOn,
    pendingSince: f.pendingSince,
    nextStep: f.nextStep,
    nextStepDueOn: f.nextStepDueOn,
    stage: f.stage,
    followUpUserId: f.followUp,
    internalNote: f.internalNote,
    removedAt: f.removed,
    title: f.title,
    date: f.date,
    startTime: f.time,
    place: f.place,
    summary: f.summary,
    organiserIds: f.organisers,
    attendingPartnerIds: f.attendingPartners,
    speakers: f.speakers,
    attendeePersonIds: f.attendeePeople,
    trackId: f.track,
    ownerUserId: f.owner,
    dueOn: f.due,
    partnerIds: f.partnersConcerned,
    completedOn: f.completedOn,
    sources: f.sources,
    partnerId: f.partnerId,
    affiliation: f.affiliation,
    email: f.email,
    quote: f.quote,
    purpose: t.aboutEdit.purpose,
    source: t.aboutEdit.source,
    ledByPartnerIds: t.aboutEdit.ledBy,
    figures: t.aboutEdit.figuresHeading,
    tracks: t.aboutEdit.tracksHeading,
  };
  return labels[key] ?? key;
}

/** One field's value as mrkdwn: dates and times localised, IDs named, user text escaped. */
export function formatFieldValue(entity: Entity, key: string, value: unknown, { lang, t, directory }: FieldContext): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return EMPTY_VALUE;
  const text = (raw: string) => truncate(escapeMrkdwn(raw), MAX_VALUE);
  if (typeof value === 'string') {
    if (USER_KEYS.has(key) && slackUserId.safeParse(value).success) return mentionUser(value);
    if (DATE_KEYS.has(key) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, lang);
    if (key === 'removedAt') return formatDate(value.slice(0, 10), lang);
    if (key === 'startTime' && /^\d{2}:\d{2}$/.test(value)) return formatTime(value, lang);
    if (key === 'status') return statusLabel(entity, value, t) ?? text(value);
    if (key === 'kind') return t.kind[value as keyof Catalogue['kind']] ?? text(value);
    if (key === 'jurisdiction') return t.jurisdiction[value as keyof Catalogue['jurisdiction']] ?? text(value);
    if (key === 'partnerId') return text(directory.partners.get(value)?.name ?? value);
    if (key === 'trackId') return text(directory.tracks.get(value)?.title[lang] ?? value);
    return text(value);
  }
  const cardItem = aboutCardItem(key, value, lang, t);
  if (cardItem !== undefined) return text(cardItem);
  if (Array.isArray(value)) {
    // The about card's figures and tracks: one a line.
    const items = value.map((item) => aboutCardItem(key, item, lang, t));
    if (items.every((item): item is string => item !== undefined)) return items.map(text).join('\n');
    const names = value.map((item) => {
      if (typeof item === 'string') {
        if (PARTNER_LIST_KEYS.has(key)) return directory.partners.get(item)?.name ?? item;
        if (key === 'attendeePersonIds') return directory.people.get(item)?.name ?? item;
        return item;
      }
      if (key === 'sources' && isFieldSource(item)) return `${fieldLabel(item.field, t)}: ${item.source[lang]}`;
      if (key === 'speakers' && isSpeaker(item)) {
        const name = directory.people.get(item.personId)?.name ?? item.personId;
        return item.role ? `${name} (${item.role[lang]})` : name;
      }
      return JSON.stringify(item);
    });
    return text(names.join(', '));
  }
  if (isBilingual(value)) return text(value[lang]);
  if (key === 'stage' && isStage(value)) return text(stageValue(value, lang, t));
  if (typeof value === 'boolean') return value ? t.history.yes : EMPTY_VALUE;
  return text(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** One figure or track of the about card, as a line; undefined for any other value. */
function aboutCardItem(key: string, value: unknown, lang: Lang, t: Catalogue): string | undefined {
  if (key === 'figures') {
    const figure = sectorFigure.safeParse(value);
    if (figure.success) {
      const { label, value: amount, year, source } = figure.data;
      return t.aboutEdit.figureLine(label[lang], amount[lang], String(year), source[lang]);
    }
  }
  if (key === 'tracks') {
    const parsed = track.safeParse(value);
    if (parsed.success) return t.actions.trackLine(parsed.data.position, parsed.data.title[lang]);
  }
  return undefined;
}

/** Label/value pairs for the given fields that have a value, ready for a fields section. */
export function recordFields(entity: Entity, record: object, keys: readonly string[], context: FieldContext): [string, string][] {
  const values = record as Record<string, unknown>;
  return keys
    .filter((key) => {
      const value = values[key];
      return value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
    })
    .map((key) => [fieldLabel(key, context.t), formatFieldValue(entity, key, values[key], context)]);
}

/** The fields each kind of record shows in a summary (at most ten: a section's limit). */
export const SUMMARY_KEYS: Record<'partner' | 'person' | 'event' | 'action' | 'about', readonly string[]> = {
  partner: ['name', 'status', 'stage', 'joinedOn', 'pendingSince', 'nextStep', 'nextStepDueOn', 'kind', 'jurisdiction', 'followUpUserId'],
  // Summaries are shown to coordinators only (saved and conflict forms): the e-mail may be.
  person: ['name', 'title', 'partnerId', 'affiliation', 'email'],
  event: ['title', 'date', 'startTime', 'place', 'organiserIds', 'speakers', 'status'],
  action: ['title', 'status', 'ownerUserId', 'dueOn', 'trackId', 'partnerIds', 'completedOn'],
  about: ['purpose', 'figures', 'tracks', 'source'],
};

function statusLabel(entity: Entity, value: string, t: Catalogue): string | undefined {
  if (entity === 'partner') return t.status[value as keyof Catalogue['status']];
  if (entity === 'event') return t.eventStatus[value as keyof Catalogue['eventStatus']];
  if (entity === 'action') return t.actionStatus[value as keyof Catalogue['actionStatus']];
  return undefined;
}

/** A stage as history shows it: its name, the day it was reached, the signing date or reason it carries. */
function stageValue(stage: AdhesionStage, lang: Lang, t: Catalogue): string {
  const reached = `${t.stages.name[stage.name]} (${formatDate(stage.since, lang)})`;
  const on = stage.on ? t.stages.signingOn(formatDate(stage.on, lang)) : '';
  return [reached, on, stage.reason ? t.stages.reason(stage.reason) : ''].filter(Boolean).join(' · ');
}

function isStage(value: unknown): value is AdhesionStage {
  return adhesionStage.safeParse(value).success;
}

function isBilingual(value: unknown): value is { fr: string; en: string } {
  return typeof value === 'object' && value !== null && typeof (value as { fr?: unknown }).fr === 'string' && typeof (value as { en?: unknown }).en === 'string';
}

function isSpeaker(value: unknown): value is { personId: string; role: { fr: string; en: string } | null } {
  return typeof value === 'object' && value !== null && typeof (value as { personId?: unknown }).personId === 'string';
}

function isFieldSource(value: unknown): value is { field: string; source: { fr: string; en: string } } {
  return typeof value === 'object' && value !== null && typeof (value as { field?: unknown }).field === 'string' && isBilingual((value as { source?: unknown }).source);
}
