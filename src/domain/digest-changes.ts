import type { ActionItem, CorridorEvent, HistoryEntry, Partner } from './types.js';

/**
 * What changed in the records since the previous digest, read from the history: every kind of
 * change a coordinator acts on, grouped by kind, each record named once per kind.
 */

export const PARTNER_CHANGE_KINDS = ['added', 'signed', 'edited', 'removed'] as const;
export const EVENT_CHANGE_KINDS = ['added', 'moved', 'cancelled'] as const;
export const ACTION_CHANGE_KINDS = ['added', 'reassigned', 'redated', 'completed'] as const;

export type PartnerChangeKind = (typeof PARTNER_CHANGE_KINDS)[number];
export type EventChangeKind = (typeof EVENT_CHANGE_KINDS)[number];
export type ActionChangeKind = (typeof ACTION_CHANGE_KINDS)[number];

/** The partner fields an edit is named by; any other field reads as "details". */
export type PartnerEditedField = 'status' | 'stage' | 'jurisdiction' | 'followUp' | 'nextStep' | 'details';

export interface PartnerChange {
  kind: PartnerChangeKind;
  partner: Partner;
  /** For `edited`: which fields, in a stable order. */
  fields: PartnerEditedField[];
}
export interface EventChange {
  kind: EventChangeKind;
  event: CorridorEvent;
}
export interface ActionChange {
  kind: ActionChangeKind;
  item: ActionItem;
}

export interface DigestChanges {
  partners: PartnerChange[];
  events: EventChange[];
  actions: ActionChange[];
}

/** Actors whose writes are not news: loading the founding facts is not "a new partner". */
export function isSeedActor(actor: string): boolean {
  return actor.startsWith('seed:');
}

/** Kinds that say a record was edited: folded into "added" when the record is new in the period. */
const EDITS = new Set<string>(['edited', 'moved', 'reassigned', 'redated']);

const FIELD_ORDER: PartnerEditedField[] = ['status', 'stage', 'jurisdiction', 'followUp', 'nextStep', 'details'];

/** The change kinds of one history entry; current records give the names and the new values. */
export function changeKindsOf(entry: HistoryEntry): string[] {
  const { diff, change } = entry;
  if (change === 'created' || change === 'restored') return ['added'];
  if (entry.entity === 'partner') {
    if (change === 'removed') return ['removed'];
    if (diff.status?.from === 'pending' && diff.status.to === 'signatory') return ['signed'];
    return Object.keys(diff).length ? ['edited'] : [];
  }
  if (entry.entity === 'event') {
    if (change === 'removed' || (diff.status?.to === 'cancelled' && diff.status.from !== 'cancelled')) return ['cancelled'];
    // A new end moves the event as much as a new start does: calendars show the change.
    return diff.date || diff.startTime || diff.endTime ? ['moved'] : [];
  }
  if (entry.entity === 'action') {
    if (change === 'removed') return [];
    const kinds: string[] = [];
    if (diff.ownerUserId) kinds.push('reassigned');
    if (diff.dueOn) kinds.push('redated');
    if (diff.status?.to === 'done' && diff.status.from !== 'done') kinds.push('completed');
    return kinds;
  }
  return [];
}

function partnerFields(diff: HistoryEntry['diff']): PartnerEditedField[] {
  const named: Record<string, PartnerEditedField> = {
    status: 'status',
    stage: 'stage',
    jurisdiction: 'jurisdiction',
    followUpUserId: 'followUp',
    nextStep: 'nextStep',
    nextStepDueOn: 'nextStep',
  };
  // A field's source changes with the field itself: it is not a change of its own.
  return Object.keys(diff)
    .filter((field) => field !== 'sources')
    .map((field) => named[field] ?? 'details');
}

interface Seen {
  kinds: Set<string>;
  fields: Set<PartnerEditedField>;
}

/** Every change since the previous digest, grouped by kind, in the order it first happened. */
export function changesOf(
  history: readonly HistoryEntry[],
  records: { partners: readonly Partner[]; events: readonly CorridorEvent[]; actions: readonly ActionItem[] },
): DigestChanges {
  const seen = new Map<string, Seen>();
  for (const entry of history) {
    if (isSeedActor(entry.actor)) continue;
    const key = `${entry.entity}:${entry.entityId}`;
    const record = seen.get(key) ?? { kinds: new Set<string>(), fields: new Set<PartnerEditedField>() };
    const kinds = changeKindsOf(entry);
    kinds.forEach((kind) => record.kinds.add(kind));
    if (entry.entity === 'partner' && kinds.includes('edited')) partnerFields(entry.diff).forEach((field) => record.fields.add(field));
    seen.set(key, record);
  }
  const folded = (kinds: Set<string>) => (kinds.has('added') ? [...kinds].filter((kind) => !EDITS.has(kind)) : [...kinds]);
  const pick = <R extends { id: string }, K extends string, C>(entity: string, list: readonly R[], order: readonly K[], make: (kind: K, record: R, seen: Seen) => C) => {
    const byId = new Map(list.map((record) => [record.id, record]));
    const found: { kind: K; change: C }[] = [];
    for (const [key, record] of seen) {
      const [kindOfEntity, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      const current = byId.get(id);
      if (kindOfEntity !== entity || !current) continue;
      for (const kind of folded(record.kinds)) found.push({ kind: kind as K, change: make(kind as K, current, record) });
    }
    return order.flatMap((kind) => found.filter((item) => item.kind === kind).map((item) => item.change));
  };
  return {
    partners: pick('partner', records.partners, PARTNER_CHANGE_KINDS, (kind, partner, record) => ({
      kind,
      partner,
      fields: kind === 'edited' ? FIELD_ORDER.filter((field) => record.fields.has(field)) : [],
    })).filter((change) => change.kind !== 'signed' || change.partner.status === 'signatory'),
    events: pick('event', records.events, EVENT_CHANGE_KINDS, (kind, event) => ({ kind, event })),
    // Completed then reopened within the period: not news.
    actions: pick('action', records.actions, ACTION_CHANGE_KINDS, (kind, item) => ({ kind, item })).filter(
      (change) => change.kind !== 'completed' || change.item.status === 'done',
    ),
  };
}

export function changeCount(changes: DigestChanges): number {
  return changes.partners.length + changes.events.length + changes.actions.length;
}
