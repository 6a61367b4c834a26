import { groupByTrack, isOpen, isOverdue } from './action-items.js';
import { lastContactDays } from './contact-log.js';
import { addDays, localIsoDate } from './dates.js';
import { changesOf, type DigestChanges } from './digest-changes.js';
import { sortPartners } from './partner-order.js';
import { startOfLocalDay } from './periods.js';
import type { Audience } from './permissions.js';
import { recordsAsOf } from './records-as-of.js';
import { chartMonths, inPeriod, type ReportPeriod } from './report-period.js';
import { RESTING_STAGES, SIGNED_STAGES, stageOf } from './stages.js';
import type {
  ActionItem,
  AdhesionStage,
  ContactEntry,
  CorridorEvent,
  CorridorProfile,
  Draft,
  HistoryEntry,
  Partner,
  Track,
} from './types.js';

/**
 * The figures of a report, computed once from the records and their history and read by every
 * file made from them (PDF, summary). Records are taken as they stood at the period's end (or
 * now, for a period not over yet). Pure.
 */

/** The series of the adhesions chart: signatories, then the pending stages in their order. */
export const ADHESION_SERIES = ['signatory', 'signing_scheduled', 'legal_review', 'document_sent', 'intention_declared', 'resting'] as const;
export type AdhesionSeries = (typeof ADHESION_SERIES)[number];

export interface ReportInput {
  period: ReportPeriod;
  audience: Audience;
  now: Date;
  timeZone: string;
  /** Removed records included: their history says when they were there. */
  partners: Partner[];
  events: CorridorEvent[];
  actions: ActionItem[];
  contacts: ContactEntry[];
  tracks: Track[];
  /** The about card's content: its figures and their sources. */
  profile: Draft<CorridorProfile>;
  /** Every change on record, oldest first. */
  history: HistoryEntry[];
}

export interface PartnerRow {
  partner: Partner;
  stage: AdhesionStage | undefined;
  /** Internal copies only: the last contact day on or before the period's end. */
  lastContact: string | undefined;
}

export interface TrackFigures {
  track: Track | null;
  open: number;
  /** Counted apart from `open` in internal copies; always 0 in public ones, which say nothing of lateness. */
  overdue: number;
  done: number;
}

export interface ReportFigures {
  period: ReportPeriod;
  audience: Audience;
  /** The day the figures stand at: the period's last day, or today for a period not over. */
  asOf: string;
  headline: {
    signatories: number;
    pending: number;
    signedInPeriod: number;
    eventsInPeriod: number;
    openActions: number;
    /** Internal copies only (0 in public ones). */
    overdueActions: number;
    completedInPeriod: number;
    /** Internal copies only (0 in public ones). */
    contactsInPeriod: number;
  };
  adhesions: { month: string; counts: Record<AdhesionSeries, number> }[];
  /** Some signatories have no known signing date: counted in every month. */
  undatedSignatories: boolean;
  tracks: TrackFigures[];
  eventsByMonth: { month: string; held: number; cancelled: number }[];
  partners: PartnerRow[];
  /** Internal copies only (empty in public ones): open action items, overdue first, with their owners and due dates. */
  openItems: { item: ActionItem; overdue: boolean }[];
  /** Internal copies only (empty in public ones): the contact log's entries of the period, oldest first. */
  contacts: ContactEntry[];
  changes: DigestChanges;
  /** The about card's content: its figures and their sources. */
  profile: Draft<CorridorProfile>;
}

/** The instant a calendar date ends in the zone (the next day's first instant), as an ISO string. */
function endOf(date: string, timeZone: string): string {
  return startOfLocalDay(addDays(date, 1), timeZone).toISOString();
}

export function reportFigures(input: ReportInput): ReportFigures {
  const { period, audience, timeZone, history } = input;
  const today = localIsoDate(input.now, timeZone);
  const over = period.to < today;
  const asOf = over ? period.to : today;
  const end = over ? endOf(period.to, timeZone) : input.now.toISOString();
  const partners = sortPartners(recordsAsOf(input.partners, history, 'partner', end));
  const actions = recordsAsOf(input.actions, history, 'action', end);
  const inside = audience === 'internal';
  const periodHistory = history.filter((entry) => entry.at >= startOfLocalDay(period.from, timeZone).toISOString() && entry.at < end);
  const changes = changesOf(periodHistory, { partners: input.partners, events: input.events, actions: input.actions });
  const tracks = trackFigures(actions, input.tracks, asOf, inside);
  const contacts = input.contacts.filter((entry) => entry.removedAt === null && entry.on <= asOf);
  const lastContacts = lastContactDays(contacts);
  return {
    period,
    audience,
    asOf,
    headline: {
      signatories: partners.filter((partner) => partner.status === 'signatory').length,
      pending: partners.filter((partner) => partner.status === 'pending').length,
      signedInPeriod: changes.partners.filter((change) => change.kind === 'signed').length,
      eventsInPeriod: liveEvents(input.events).filter((event) => event.status === 'scheduled' && inPeriod(event.date, period)).length,
      openActions: tracks.reduce((sum, group) => sum + group.open + group.overdue, 0),
      overdueActions: tracks.reduce((sum, group) => sum + group.overdue, 0),
      completedInPeriod: actions.filter((item) => item.status === 'done' && item.completedOn !== null && inPeriod(item.completedOn, period)).length,
      contactsInPeriod: inside ? contacts.filter((entry) => inPeriod(entry.on, period)).length : 0,
    },
    adhesions: chartMonths(period).map((month) => ({
      month: month.key,
      counts: adhesionCounts(recordsAsOf(input.partners, history, 'partner', endOf(month.to, timeZone)), month.to),
    })),
    undatedSignatories: partners.some((partner) => partner.status === 'signatory' && !stageOf(partner)),
    tracks,
    eventsByMonth: chartMonths(period).map((month) => {
      const events = liveEvents(input.events).filter((event) => inPeriod(event.date, month));
      return { month: month.key, held: events.filter((event) => event.status === 'scheduled').length, cancelled: events.filter((event) => event.status === 'cancelled').length };
    }),
    partners: partners.map((partner) => ({ partner, stage: stageOf(partner), lastContact: inside ? lastContacts.get(partner.id) : undefined })),
    openItems: inside ? openItems(actions, input.tracks, asOf) : [],
    contacts: inside ? contacts.filter((entry) => inPeriod(entry.on, period)).sort((a, b) => a.on.localeCompare(b.on) || a.createdAt.localeCompare(b.createdAt)) : [],
    changes,
    profile: input.profile,
  };
}

function liveEvents(events: readonly CorridorEvent[]): CorridorEvent[] {
  return events.filter((event) => event.removedAt === null);
}

/**
 * Partners by where their adhesion stood at a month's end. One whose stage was reached after that
 * day had not yet come to the corridor; a signatory with no known signing date counts throughout.
 * Paused and declined share one series, which public copies name "adhesion in progress" as the public view does.
 */
function adhesionCounts(partners: readonly Partner[], monthEnd: string): Record<AdhesionSeries, number> {
  const counts = Object.fromEntries(ADHESION_SERIES.map((series) => [series, 0])) as Record<AdhesionSeries, number>;
  for (const partner of partners) {
    const stage = stageOf(partner);
    if (stage && stage.since > monthEnd) continue;
    counts[adhesionSeries(partner, stage)] += 1;
  }
  return counts;
}

function adhesionSeries(partner: Partner, stage: AdhesionStage | undefined): AdhesionSeries {
  if (partner.status === 'signatory' || (stage && SIGNED_STAGES.includes(stage.name))) return 'signatory';
  if (!stage) return 'intention_declared';
  if (RESTING_STAGES.includes(stage.name)) return 'resting';
  return stage.name as AdhesionSeries;
}

function trackFigures(actions: readonly ActionItem[], tracks: Track[], asOf: string, inside: boolean): TrackFigures[] {
  return groupByTrack([...actions], tracks).map(({ track, items }) => {
    const overdue = inside ? items.filter((item) => isOverdue(item, asOf)).length : 0;
    return {
      track,
      open: items.filter(isOpen).length - overdue,
      overdue,
      done: items.filter((item) => item.status === 'done').length,
    };
  });
}

/** Open action items in track order, the overdue ones first within each track, then by due date. */
function openItems(actions: readonly ActionItem[], tracks: Track[], asOf: string): { item: ActionItem; overdue: boolean }[] {
  return groupByTrack(actions.filter(isOpen), tracks).flatMap(({ items }) =>
    items
      .map((item) => ({ item, overdue: isOverdue(item, asOf) }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.item.dueOn ?? '9999').localeCompare(b.item.dueOn ?? '9999') || a.item.id.localeCompare(b.item.id)),
  );
}
