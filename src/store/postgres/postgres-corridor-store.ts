import type { Pool } from 'pg';
import {
  actionItem,
  contactEntry,
  type ContactEntry,
  corridorEvent,
  corridorProfile,
  partner,
  person,
  ABOUT_ID,
  type ActionItem,
  type CorridorEvent,
  type CorridorProfile,
  type HistoryEntry,
  type Partner,
  type Person,
  type Track,
} from '../../domain/types.js';
import { tracksOf } from '../../domain/about.js';
import type { CorridorStore } from '../corridor-store.js';
import { PgCoordination } from './pg-coordination.js';
import { PgDatabase } from './pg-database.js';
import { PgHistoryLog } from './pg-history-log.js';
import { LATEST_MIGRATION } from './pg-migrate.js';
import { PgNotionLinks } from './pg-notion-links.js';
import { PgRecordTable } from './pg-record-table.js';
import { PgRunLedger } from './pg-run-ledger.js';
import { PgNudgePreferences } from './pg-nudge-preferences.js';
import { PgReminderMentions } from './pg-reminder-mentions.js';
import { PgSnoozes } from './pg-snoozes.js';

/** The store on a PostgreSQL server, shared by every replica of the app. */
export class PostgresCorridorStore implements CorridorStore {
  readonly kind = 'postgres';
  readonly database: PgDatabase;
  readonly partners: PgRecordTable<Partner>;
  readonly people: PgRecordTable<Person>;
  readonly events: PgRecordTable<CorridorEvent>;
  readonly actions: PgRecordTable<ActionItem>;
  readonly contacts: PgRecordTable<ContactEntry>;
  readonly about: PgRecordTable<CorridorProfile>;
  readonly runs: PgRunLedger;
  readonly snoozes: PgSnoozes;
  readonly mentions: PgReminderMentions;
  readonly nudgePreferences: PgNudgePreferences;
  readonly notionLinks: PgNotionLinks;
  readonly coordination: PgCoordination;
  private readonly historyLog: PgHistoryLog;
  private closing: Promise<void> | undefined;

  constructor(readonly pool: Pool) {
    const db = (this.database = new PgDatabase(pool));
    this.historyLog = new PgHistoryLog(db);
    this.partners = new PgRecordTable(db, 'partners', 'partner', partner, this.historyLog);
    this.people = new PgRecordTable(db, 'people', 'person', person, this.historyLog);
    this.events = new PgRecordTable(db, 'events', 'event', corridorEvent, this.historyLog);
    this.actions = new PgRecordTable(db, 'actions', 'action', actionItem, this.historyLog);
    this.contacts = new PgRecordTable(db, 'contacts', 'contact', contactEntry, this.historyLog);
    this.about = new PgRecordTable(db, 'about', 'about', corridorProfile, this.historyLog);
    this.runs = new PgRunLedger(db);
    this.snoozes = new PgSnoozes(db);
    this.mentions = new PgReminderMentions(db);
    this.nudgePreferences = new PgNudgePreferences(db);
    this.notionLinks = new PgNotionLinks(db);
    this.coordination = new PgCoordination(db);
  }

  /** Resolves once the server answers within `timeoutMs` with every migration applied. */
  async ping(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const answer = this.database.row<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
    try {
      const row = await Promise.race([answer, timeout]);
      if ((row?.version ?? 0) < LATEST_MIGRATION) throw new Error(`the database schema is at version ${row?.version ?? 0}, expected ${LATEST_MIGRATION}`);
    } finally {
      clearTimeout(timer);
      // A query that lost the race still settles later; nobody waits for it.
      answer.catch(() => undefined);
    }
  }

  /** One indexed row, bumped by triggers in the same transaction as every record write (migration 006). */
  async revision(): Promise<string> {
    const row = await this.database.row<{ value: string }>('SELECT value FROM store_revision WHERE id = 1');
    return row?.value ?? '0';
  }

  async listTracks(): Promise<Track[]> {
    return tracksOf(await this.about.get(ABOUT_ID));
  }

  async history(entity: HistoryEntry['entity'], entityId: string): Promise<HistoryEntry[]> {
    return this.historyLog.forEntity(entity, entityId);
  }

  async changesSince(since: Date): Promise<HistoryEntry[]> {
    return this.historyLog.changedSince(since);
  }

  /** Ends the pool once, however many times it is called. */
  async close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
