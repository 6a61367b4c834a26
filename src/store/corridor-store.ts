import type {
  ActionItem,
  ContactEntry,
  CorridorEvent,
  CorridorProfile,
  Draft,
  HistoryEntry,
  Partner,
  Person,
  Track,
} from '../domain/types.js';
import type { Coordination } from './coordination.js';
import type { NotionLinks } from './notion-links.js';
import type { RunLedger } from './run-ledger.js';
import type { NudgePreferences } from './nudge-preferences.js';
import type { ReminderMentions } from './reminder-mentions.js';
import type { SnoozeStore } from './snoozes.js';

/** Who is writing, and which version they last saw (for optimistic concurrency). */
export interface WriteContext {
  actor: string;
  /** Version the writer based the change on; omitted for blind writes such as seeding. */
  expectedVersion?: number;
  /** Injected clock, so tests and jobs agree on "now". */
  now?: Date;
  /**
   * The form submission (Slack's view ID) a new record comes from. Slack may deliver a submission
   * twice: a save carrying a formId that already created a record of this kind returns that
   * record, unchanged, instead of creating another. Recorded with the creation, atomically.
   */
  formId?: string;
}

export interface ListOptions {
  includeRemoved?: boolean;
}

/** A collection of versioned, soft-deleted records. */
export interface RecordCollection<T extends { id: string; version: number }> {
  list(options?: ListOptions): Promise<T[]>;
  get(id: string): Promise<T | undefined>;
  /** Creates the record or updates it; records a history entry when something changed. */
  save(draft: Draft<T & RecordFields>, write: WriteContext): Promise<T>;
  /** Marks the record removed; nothing is ever hard-deleted. */
  remove(id: string, write: WriteContext): Promise<T>;
  restore(id: string, write: WriteContext): Promise<T>;
  /** The record a save with this `formId` created, if any (see WriteContext.formId). */
  createdByForm(formId: string): Promise<T | undefined>;
}

type RecordFields = Pick<Partner, 'version' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'removedAt'>;

/** The one interface listeners, jobs and sync use: SQLite (embedded) or PostgreSQL (replicas). */
export interface CorridorStore {
  /** Which database is behind it, for logs, metrics and the bench. */
  readonly kind: 'sqlite' | 'postgres';
  partners: RecordCollection<Partner>;
  people: RecordCollection<Person>;
  events: RecordCollection<CorridorEvent>;
  actions: RecordCollection<ActionItem>;
  /** The contact log: dated entries of every exchange with a partner (internal only). */
  contacts: RecordCollection<ContactEntry>;
  /**
   * The about card: one record (ABOUT_ID) with the corridor's purpose, its sector figures (each
   * with its year and source) and the four action tracks, which coordinators edit, with history.
   */
  about: RecordCollection<CorridorProfile>;
  /** The four action tracks, in their order: the about record's. */
  listTracks(): Promise<Track[]>;
  history(entity: HistoryEntry['entity'], entityId: string): Promise<HistoryEntry[]>;
  /** Changes recorded at or after `since`, oldest first (digests report them). */
  changesSince(since: Date): Promise<HistoryEntry[]>;
  /** Scheduled posts (reminders, digests) recorded by period, so each is posted once. */
  runs: RunLedger;
  /** Partners left out of the reminders for a while. */
  snoozes: SnoozeStore;
  /** Follow-up owners the reminder @-mentioned, by week: at most one ping a week per adhesion. */
  mentions: ReminderMentions;
  /** Who turned their weekly personal nudges off. */
  nudgePreferences: NudgePreferences;
  /** Which Notion page shows which record (the Notion sync's bookkeeping). */
  notionLinks: NotionLinks;
  /** Deliveries, leases and Home tab viewers shared by every replica. */
  coordination: Coordination;
  /**
   * Changes whenever any process commits a record or history write, and only then (cheap to read):
   * what was computed from the records stays valid while it reads the same.
   */
  revision(): Promise<string>;
  /** Resolves when the database answers and its migrations are applied; rejects otherwise (readiness). */
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export class VersionConflictError<T = unknown> extends Error {
  constructor(
    readonly current: T & { version: number; updatedBy: string | null },
    readonly expectedVersion: number,
  ) {
    super(`record changed meanwhile (expected version ${expectedVersion}, found ${current.version})`);
    this.name = 'VersionConflictError';
  }
}

export class RecordNotFoundError extends Error {
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} "${id}" not found`);
    this.name = 'RecordNotFoundError';
  }
}

/**
 * The database could not take a write in time (another process holds its write lock, or a lock
 * wait timed out): nothing was written, and the same write may be tried again in a moment.
 */
export class StoreBusyError extends Error {
  constructor(readonly reason: string) {
    super(`the database is busy (${reason}); try again in a moment`);
    this.name = 'StoreBusyError';
  }
}
