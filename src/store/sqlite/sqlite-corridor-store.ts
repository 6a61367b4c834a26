import type Database from 'better-sqlite3';
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
import { BACKGROUND_WRITE_PATIENCE_MS, USER_WRITE_PATIENCE_MS } from './busy-retry.js';
import { HistoryLog } from './history-log.js';
import { SqliteCoordination } from './sqlite-coordination.js';
import { SqliteNotionLinks } from './sqlite-notion-links.js';
import { RecordTable } from './record-table.js';
import { SqliteRunLedger } from './sqlite-run-ledger.js';
import { SqliteNudgePreferences } from './sqlite-nudge-preferences.js';
import { SqliteReminderMentions } from './sqlite-reminder-mentions.js';
import { SqliteSnoozes } from './sqlite-snoozes.js';

/** How long writes wait for another process's lock before StoreBusyError (tests shorten them). */
export interface WritePatience {
  /** Writes someone waits on in Slack: records, snoozes, coordination. */
  userMs: number;
  /** Writes of scheduled jobs: the run ledger, Notion links. */
  backgroundMs: number;
}

const DEFAULT_PATIENCE: WritePatience = { userMs: USER_WRITE_PATIENCE_MS, backgroundMs: BACKGROUND_WRITE_PATIENCE_MS };

export class SqliteCorridorStore implements CorridorStore {
  readonly kind = 'sqlite';
  readonly partners: RecordTable<Partner>;
  readonly people: RecordTable<Person>;
  readonly events: RecordTable<CorridorEvent>;
  readonly actions: RecordTable<ActionItem>;
  readonly contacts: RecordTable<ContactEntry>;
  readonly about: RecordTable<CorridorProfile>;
  readonly runs: SqliteRunLedger;
  readonly snoozes: SqliteSnoozes;
  readonly mentions: SqliteReminderMentions;
  readonly nudgePreferences: SqliteNudgePreferences;
  readonly notionLinks: SqliteNotionLinks;
  readonly coordination: SqliteCoordination;
  private readonly historyLog: HistoryLog;
  private readonly dataVersion: Database.Statement<[], number>;

  constructor(
    readonly db: Database.Database,
    patience: WritePatience = DEFAULT_PATIENCE,
  ) {
    const { userMs, backgroundMs } = patience;
    this.historyLog = new HistoryLog(db);
    this.partners = new RecordTable(db, 'partners', 'partner', partner, this.historyLog, userMs);
    this.people = new RecordTable(db, 'people', 'person', person, this.historyLog, userMs);
    this.events = new RecordTable(db, 'events', 'event', corridorEvent, this.historyLog, userMs);
    this.actions = new RecordTable(db, 'actions', 'action', actionItem, this.historyLog, userMs);
    this.contacts = new RecordTable(db, 'contacts', 'contact', contactEntry, this.historyLog, userMs);
    this.about = new RecordTable(db, 'about', 'about', corridorProfile, this.historyLog, userMs);
    this.runs = new SqliteRunLedger(db, backgroundMs);
    this.snoozes = new SqliteSnoozes(db, userMs);
    this.mentions = new SqliteReminderMentions(db, backgroundMs);
    this.nudgePreferences = new SqliteNudgePreferences(db, userMs);
    this.notionLinks = new SqliteNotionLinks(db, backgroundMs);
    this.coordination = new SqliteCoordination(db, userMs);
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /**
   * data_version moves when another connection commits to the file, but not for this one's own
   * commits: those are counted by the record tables (history and seeding go through them too).
   */
  async revision(): Promise<string> {
    const own = this.partners.ownWrites + this.people.ownWrites + this.events.ownWrites + this.actions.ownWrites + this.about.ownWrites;
    return `${this.dataVersion.get()}:${own}`;
  }

  /** The file is local: it answers as long as it is open. */
  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
