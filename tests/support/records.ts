import type { ActionItem, CorridorEvent, HistoryEntry, Partner, RecordMeta } from '../../src/domain/types.js';
import { seedActions, seedEvents, seedPartners, seedPeople } from '../../src/store/seed/communique-2025-04-17.js';

/**
 * Small record factories for tests: valid records, overridable field by field (`draftOf` turns one
 * into a draft to save in a store), and the seed's records as a store would hold them.
 */

const meta: RecordMeta = { version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null, removedAt: null };

export function partnerRecord(id: string, overrides: Partial<Partner> = {}): Partner {
  return {
    ...meta,
    id,
    name: overrides.name ?? id,
    officialName: null,
    acronym: null,
    aliases: [],
    designation: null,
    kind: null,
    jurisdiction: null,
    website: null,
    status: 'pending',
    joinedOn: null,
    pendingSince: '2026-01-15',
    nextStep: { fr: 'Signer le MOU', en: 'Sign the MOU' },
    nextStepDueOn: null,
    followUpUserId: null,
    internalNote: null,
    stage: null,
    ...overrides,
  };
}

export function eventRecord(id: string, date: string, overrides: Partial<CorridorEvent> = {}): CorridorEvent {
  return {
    ...meta,
    id,
    title: { fr: `Rencontre ${id}`, en: `Meeting ${id}` },
    date,
    startTime: null,
    endTime: null,
    place: 'Bromont',
    onlineUrl: null,
    summary: null,
    organiserIds: [],
    invitedPartnerIds: [],
    invitedPersonIds: [],
    attendingPartnerIds: [],
    speakers: [],
    attendeePersonIds: [],
    status: 'scheduled',
    ...overrides,
  };
}

export function actionRecord(id: string, trackId: string | null, overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    ...meta,
    id,
    title: { fr: `Action ${id}`, en: `Action ${id}` },
    trackId,
    status: 'open',
    ownerUserId: null,
    dueOn: null,
    partnerIds: [],
    completedOn: null,
    ...overrides,
  };
}

/** The seed's drafts as stored records (version 1, unless `overrides` says otherwise). */
export function seedRecords(overrides: Partial<RecordMeta> = {}) {
  const stored = { ...meta, ...overrides };
  return {
    partners: seedPartners.map((record): Partner => ({ ...record, ...stored })),
    people: seedPeople.map((record) => ({ ...record, ...stored })),
    events: seedEvents.map((record): CorridorEvent => ({ ...record, ...stored })),
    actions: seedActions.map((record): ActionItem => ({ ...record, ...stored })),
  };
}

let historyId = 0;

export function historyRecord(
  entity: HistoryEntry['entity'],
  entityId: string,
  change: HistoryEntry['change'],
  diff: HistoryEntry['diff'],
  actor = 'U0ADMIN',
): HistoryEntry {
  historyId += 1;
  return { id: historyId, entity, entityId, actor, at: '2026-11-24T15:00:00.000Z', change, diff };
}
