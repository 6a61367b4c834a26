import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Draft, HistoryEntry } from '../../domain/types.js';
import { planRemoval, planSave, recordFromRow, rowOf, type PlannedWrite, type StoredRecord } from '../record-row.js';
import type { ListOptions, RecordCollection, WriteContext } from '../corridor-store.js';
import { USER_WRITE_PATIENCE_MS, whenNotBusy } from './busy-retry.js';
import type { HistoryLog } from './history-log.js';

interface Row {
  id: string;
  body: string;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  removed_at: string | null;
}

/** One table of JSON records, validated by a zod schema on the way in and out. */
export class RecordTable<T extends StoredRecord> implements RecordCollection<T> {
  private readonly selectAll: Database.Statement<[], Row>;
  private readonly selectOne: Database.Statement<[string], Row>;
  private readonly upsert: Database.Statement<[Row]>;
  /** Parsed records by ID: a row whose version and body are unchanged is not parsed again. */
  private readonly parsed = new Map<string, { version: number; body: string; removedAt: string | null; record: T }>();
  /** The whole table as last read, valid while no connection has written since (see `stamp`). */
  private snapshot: { stamp: string; records: T[] } | undefined;
  private localWrites = 0;
  private readonly dataVersion: Database.Statement<[], number>;
  private readonly selectCreation: Database.Statement<[string, string], string>;
  private readonly insertCreation: Database.Statement<[string, string, string, string]>;

  constructor(
    private readonly db: Database.Database,
    table: 'partners' | 'people' | 'events' | 'actions' | 'contacts' | 'about',
    private readonly entity: HistoryEntry['entity'],
    private readonly schema: z.ZodType<T>,
    private readonly historyLog: HistoryLog,
    /** How long a write waits for another process's lock before StoreBusyError. */
    private readonly patienceMs = USER_WRITE_PATIENCE_MS,
  ) {
    this.selectAll = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`);
    // data_version changes when another connection (another process) commits to the file.
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.selectOne = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
    this.selectCreation = db.prepare<[string, string], string>('SELECT record_id FROM form_creations WHERE form_id = ? AND entity = ?').pluck();
    this.insertCreation = db.prepare('INSERT INTO form_creations (form_id, entity, record_id, created_at) VALUES (?, ?, ?, ?)');
    this.upsert = db.prepare(
      `INSERT INTO ${table} (id, body, version, created_at, updated_at, updated_by, removed_at)
       VALUES (@id, @body, @version, @created_at, @updated_at, @updated_by, @removed_at)
       ON CONFLICT (id) DO UPDATE SET body = excluded.body, version = excluded.version,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by, removed_at = excluded.removed_at`,
    );
  }

  /** Writes through this connection, which data_version does not count (see the store's revision). */
  get ownWrites(): number {
    return this.localWrites;
  }

  async list(options: ListOptions = {}): Promise<T[]> {
    // In WAL mode a read never waits for a writer; the retry only covers a rare transient lock.
    const records = await whenNotBusy(() => this.allRecords(), this.patienceMs);
    return records.filter((record) => options.includeRemoved || record.removedAt === null);
  }

  /** Reads are the hot path of every slash command: re-read the table only after a write. */
  private allRecords(): T[] {
    const stamp = `${this.dataVersion.get()}:${this.localWrites}`;
    if (this.snapshot?.stamp === stamp) return this.snapshot.records;
    const records = this.selectAll.all().map((row) => this.fromRow(row));
    // Inside a transaction the rows may yet be rolled back: do not keep them.
    this.snapshot = this.db.inTransaction ? undefined : { stamp, records };
    return records;
  }

  async get(id: string): Promise<T | undefined> {
    const row = await whenNotBusy(() => this.selectOne.get(id), this.patienceMs);
    return row ? this.fromRow(row) : undefined;
  }

  async createdByForm(formId: string): Promise<T | undefined> {
    const row = await whenNotBusy(() => this.createdBy(formId), this.patienceMs);
    return row ? this.fromRow(row) : undefined;
  }

  async save(draft: Draft<T>, write: WriteContext): Promise<T> {
    return whenNotBusy(() => this.saveNow(draft, write), this.patienceMs);
  }

  /** Creates the record unless it exists; synchronous so seeding holds no lock across an await. */
  insertIfMissing(draft: Draft<T>, write: WriteContext): void {
    if (!this.selectOne.get(draft.id as string)) this.saveNow(draft, write);
  }

  private saveNow(draft: Draft<T>, write: WriteContext): T {
    return this.db.transaction(() => {
      const created = write.formId === undefined ? undefined : this.createdBy(write.formId);
      if (created) return this.fromRow(created);
      const current = this.currentRecord(draft.id as string);
      const saved = this.apply(planSave(this.schema, current, draft, write), write) ?? current!;
      if (!current && write.formId) this.insertCreation.run(write.formId, this.entity, saved.id, saved.createdAt);
      return saved;
    }).immediate();
  }

  async remove(id: string, write: WriteContext): Promise<T> {
    return whenNotBusy(() => this.setRemoved(id, write, true), this.patienceMs);
  }

  async restore(id: string, write: WriteContext): Promise<T> {
    return whenNotBusy(() => this.setRemoved(id, write, false), this.patienceMs);
  }

  private setRemoved(id: string, write: WriteContext, removed: boolean): T {
    return this.db.transaction(() => {
      const current = this.currentRecord(id);
      return this.apply(planRemoval(this.schema, this.entity, id, current, write, removed), write) ?? current!;
    }).immediate();
  }

  /**
   * The record an earlier delivery of the same form created. Read inside the write lock, so two
   * deliveries handled at once still create one record.
   */
  private createdBy(formId: string): Row | undefined {
    const createdId = this.selectCreation.get(formId, this.entity);
    return createdId === undefined ? undefined : this.selectOne.get(createdId);
  }

  private currentRecord(id: string): T | undefined {
    const row = this.selectOne.get(id);
    return row && this.fromRow(row);
  }

  /** Writes the planned record with its history entry (inside the caller's transaction). */
  private apply(plan: PlannedWrite<T> | undefined, write: WriteContext): T | undefined {
    if (!plan) return undefined;
    this.write(plan.next);
    this.historyLog.append(this.entity, plan.next.id, write, plan.change, plan.diff);
    return plan.next;
  }

  private write(record: T): void {
    this.localWrites++;
    this.upsert.run(rowOf(record));
  }

  private fromRow(row: Row): T {
    const cached = this.parsed.get(row.id);
    if (cached && cached.version === row.version && cached.body === row.body && cached.removedAt === row.removed_at) {
      return cached.record;
    }
    const record = recordFromRow(this.schema, row);
    this.parsed.set(row.id, { version: row.version, body: row.body, removedAt: row.removed_at, record });
    return record;
  }
}
