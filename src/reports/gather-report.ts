import { ABOUT_ID, type CorridorProfile, type HistoryEntry, type Track } from '../domain/types.js';
import type { CorridorStore } from '../store/corridor-store.js';
import type { TableRecords } from './record-tables.js';

/** Everything a report reads: every record, removed ones too (their history places them in time), and the whole history. */
export interface ReportRecords extends TableRecords {
  tracks: Track[];
  profile: CorridorProfile;
  history: HistoryEntry[];
}

/** The beginning of time for the history: every change on record. */
const ALL_HISTORY = new Date(0);

export async function gatherReportRecords(store: CorridorStore): Promise<ReportRecords> {
  const all = { includeRemoved: true };
  const [partners, people, events, actions, contacts, tracks, profile, history] = await Promise.all([
    store.partners.list(all),
    store.people.list(all),
    store.events.list(all),
    store.actions.list(all),
    store.contacts.list(all),
    store.listTracks(),
    store.about.get(ABOUT_ID).then((profile) => profile ?? Promise.reject(new Error('the about card is missing: the store was not seeded'))),
    store.changesSince(ALL_HISTORY),
  ]);
  return { partners, people, events, actions, contacts, tracks, profile, history };
}
